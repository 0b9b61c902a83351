package io.slipway.gateway;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.LogStream;
import io.slipway.contract.PhaseName;
import io.slipway.contract.PhaseStatus;
import io.slipway.gateway.messaging.DeploymentEventConsumer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Plays the engine for one deployment: numbers its events as the engine does (1.., no gaps) and hands
 * each to the gateway's consumer, as the {@code deployment-events} channel would.
 */
final class EngineEvents {

    private static final Duration STORED = Duration.ofSeconds(30);

    private final DeploymentEventConsumer consumer;
    private final String deploymentId;
    private final String app;
    private long seq;
    private DeploymentEvent last;

    EngineEvents(DeploymentEventConsumer consumer, String deploymentId, String app) {
        this.consumer = consumer;
        this.deploymentId = deploymentId;
        this.app = app;
    }

    String id() {
        return deploymentId;
    }

    EngineEvents started() {
        return send(new DeploymentEvent.Started(deploymentId, app, ++seq, Instant.now()));
    }

    EngineEvents manifests(String image, String appJson, String procfile) {
        return send(new DeploymentEvent.ManifestsResolved(
                deploymentId, app, ++seq, Instant.now(), image, appJson, procfile));
    }

    EngineEvents phase(PhaseName phase, PhaseStatus status, String command, Integer exitCode, String reason) {
        return send(new DeploymentEvent.PhaseChanged(
                deploymentId, app, ++seq, Instant.now(), phase, status, command, exitCode, reason));
    }

    EngineEvents log(PhaseName phase, String line) {
        return send(new DeploymentEvent.Log(deploymentId, app, ++seq, Instant.now(), phase, LogStream.STDOUT, line));
    }

    EngineEvents finished(DeploymentStatus status, String reason, String releaseImage) {
        return send(
                new DeploymentEvent.Finished(deploymentId, app, ++seq, Instant.now(), status, reason, releaseImage));
    }

    EngineEvents retirementDue(List<String> containers, Instant due) {
        return send(new DeploymentEvent.RetirementDue(deploymentId, app, ++seq, Instant.now(), containers, due));
    }

    EngineEvents retired() {
        return send(new DeploymentEvent.Retired(deploymentId, app, ++seq, Instant.now()));
    }

    /** The last event again, as an at-least-once channel may deliver it. */
    EngineEvents redeliverLast() {
        return send(last);
    }

    /** A whole successful image deployment: predeploy, release and postdeploy each print a line. */
    EngineEvents succeeds(String image, String releaseImage) {
        return succeeds(image, releaseImage, "web: sleep 60");
    }

    /** {@link #succeeds(String, String)} with this Procfile. */
    EngineEvents succeeds(String image, String releaseImage, String procfile) {
        return succeeds(image, releaseImage, "{}", procfile);
    }

    /** {@link #succeeds(String, String)} with this app.json and Procfile. */
    EngineEvents succeeds(String image, String releaseImage, String appJson, String procfile) {
        started()
                .manifests(image, appJson, procfile)
                .phase(PhaseName.BUILD, PhaseStatus.SKIPPED, null, null, "not part of an image deployment");
        for (PhaseName phase :
                new PhaseName[] {PhaseName.PREDEPLOY, PhaseName.RELEASE, PhaseName.DEPLOY, PhaseName.POSTDEPLOY}) {
            phase(phase, PhaseStatus.RUNNING, "echo " + phase.id(), null, null)
                    .log(phase, phase.id() + " ran")
                    .phase(phase, PhaseStatus.SUCCEEDED, "echo " + phase.id(), 0, null);
        }
        return finished(DeploymentStatus.SUCCEEDED, null, releaseImage);
    }

    private EngineEvents send(DeploymentEvent event) {
        last = event;
        deliver(consumer, event);
        return this;
    }

    /** Hands {@code event} to the consumer as the channel would and waits until it is acknowledged: stored. */
    static void deliver(DeploymentEventConsumer consumer, DeploymentEvent event) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        consumer.onEvent(Message.of(
                event,
                () -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        try {
            acknowledged.get(STORED.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for event " + event.seq() + " to be stored", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("event " + event.seq() + " was not stored", e);
        }
    }
}
