package io.slipway.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.WorkerApi.Claim;
import io.slipway.engine.claim.ClaimLoop;
import io.slipway.engine.messaging.DeploymentEventPublisher;
import io.slipway.engine.pipeline.DeploymentOrders;
import io.slipway.engine.pipeline.RecordedPipelines;
import io.slipway.engine.pipeline.RecordingRuntime;
import io.slipway.runtime.Cancellation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The steps of one deployment's run, in the order they happen, over a recording runtime. */
class DeploymentRunTests {

    private static final String IMAGE = "shop:1";

    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final List<DeploymentEvent> events = new CopyOnWriteArrayList<>();
    // The run's events go to this test's sink: the publisher is only where the running list looks for ends in flight.
    private final RunningDeployments running =
            new RunningDeployments(new DeploymentEventPublisher(null, null, ending -> {}));
    private final PendingAcks acks = new PendingAcks();
    private final DeploymentOrder order =
            DeploymentOrders.anImageDeploy().app("shop").image(IMAGE).build();

    @Test
    void aGrantedDeploymentIsClaimedAcknowledgedRunAndReportedInThatOrder() {
        run(order, Claim.Verdict.GRANTED, Optional.empty(), new Cancellation());

        assertThat(steps).containsExactly("claim", "ack", "Started, running", "Finished SUCCEEDED", "report");
        assertThat(events).extracting(DeploymentEvent::seq).containsExactlyElementsOf(numbersUpTo(events.size()));
        assertThat(running.list())
                .as("an ended deployment stays named for a grace (RunningDeploymentsTests)")
                .containsExactly(order.deploymentId());
    }

    @Test
    void aDeploymentCancelledBeforeItsTurnIsAcknowledgedAndEndsAsItsFirstEvent() {
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();

        run(order, Claim.Verdict.GRANTED, Optional.empty(), cancelled);

        assertThat(steps).containsExactly("ack", "Finished CANCELLED");
        assertThat(finished().seq()).isEqualTo(1);
        assertThat(finished().reason()).isEqualTo("cancelled");
    }

    @Test
    void aRefusedDeploymentIsAcknowledgedAndNeverRuns() {
        run(order, Claim.Verdict.REFUSED, Optional.empty(), new Cancellation());

        assertThat(steps).containsExactly("claim", "ack");
        assertThat(events).isEmpty();
    }

    @Test
    void aWorkerStoppingWhileItsClaimWaitsLeavesTheStartUnacknowledged() {
        run(order, Claim.Verdict.WAIT, Optional.empty(), new Cancellation());

        assertThat(steps).containsExactly("claim");
        assertThat(events).isEmpty();
    }

    @Test
    void aBuildContextThatCannotBeDownloadedFailsTheDeploymentInItsOwnSequenceAndLeavesNoFile() {
        AtomicReference<Path> target = new AtomicReference<>();
        BuildContextCopy.Download failing = (deploymentId, file) -> {
            target.set(file);
            throw new IOException("the gateway answered 404");
        };
        DeploymentOrder build = DeploymentOrders.aBuildOf(Path.of("/contexts/d1.tar"))
                .app("shop")
                .build();

        run(build, Claim.Verdict.GRANTED, Optional.of(failing), new Cancellation());

        assertThat(steps).containsExactly("claim", "ack", "Finished FAILED", "report");
        assertThat(finished().seq()).isEqualTo(1);
        assertThat(finished().reason()).isEqualTo(DeploymentRun.NO_CONTEXT);
        assertThat(target.get()).isNotNull();
        assertThat(Files.exists(target.get())).isFalse();
    }

    private void run(
            DeploymentOrder order,
            Claim.Verdict verdict,
            Optional<BuildContextCopy.Download> contexts,
            Cancellation cancellation) {
        ClaimLoop claims = new ClaimLoop(
                deploymentId -> {
                    steps.add("claim");
                    return new Claim(verdict, null);
                },
                // The first pause ends the claim, as a worker that stops does.
                (duration, cancel) -> false);
        acks.hold(order.deploymentId(), () -> steps.add("ack"));
        DeploymentRun.Shared worker = new DeploymentRun.Shared(
                claims,
                acks,
                contexts,
                RecordedPipelines.over(new RecordingRuntime().withImage(IMAGE, List.of(), List.of("/bin/sh"))),
                this::record,
                running,
                () -> steps.add("report"));

        new DeploymentRun(order, worker).run(cancellation);
    }

    private void record(DeploymentEvent event) {
        events.add(event);
        if (event instanceof DeploymentEvent.Started started) {
            steps.add("Started" + (running.list().contains(started.deploymentId()) ? ", running" : ""));
        } else if (event instanceof DeploymentEvent.Finished end) {
            steps.add("Finished " + end.status());
        }
    }

    private DeploymentEvent.Finished finished() {
        return (DeploymentEvent.Finished) events.get(events.size() - 1);
    }

    private static List<Long> numbersUpTo(int count) {
        return LongStream.rangeClosed(1, count).boxed().toList();
    }
}
