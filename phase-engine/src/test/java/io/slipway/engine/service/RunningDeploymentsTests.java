package io.slipway.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.LogStream;
import io.slipway.contract.PhaseName;
import io.slipway.engine.messaging.DeploymentEventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class RunningDeploymentsTests {

    /** Holds what is sent: the broker has not taken it until the test acknowledges it. */
    private final List<Message<? extends DeploymentEvent>> sent = new ArrayList<>();

    private final DeploymentEventPublisher publisher = new DeploymentEventPublisher(
            new HeldEmitter(), new DeploymentMetrics(new SimpleMeterRegistry()), ending -> {});
    private Instant now = Instant.parse("2026-12-07T03:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final RunningDeployments running = new RunningDeployments(publisher, clock);

    @Test
    void aFinishedDeploymentIsReportedRunningUntilAGraceAfterTheBrokerTookItsEnd() {
        running.add("d1");
        publisher.publish(
                new DeploymentEvent.Log("d1", "shop", 1, Instant.now(), PhaseName.PREDEPLOY, LogStream.STDOUT, "x"));
        publisher.publish(new DeploymentEvent.Finished(
                "d1", "shop", 2, Instant.now(), DeploymentStatus.SUCCEEDED, null, "slipway/shop:release-d1"));
        running.remove("d1");

        assertThat(running.list()).containsExactly("d1");

        now = now.plus(RunningDeployments.ENDED_GRACE);
        assertThat(running.list()).as("the end is not with the broker yet").containsExactly("d1");

        sent.forEach(message -> message.ack().toCompletableFuture().join());
        now = now.plusSeconds(5);
        assertThat(running.list())
                .as("a gateway's report consumer may be ahead of its event consumer")
                .containsExactly("d1");

        now = now.plus(RunningDeployments.ENDED_GRACE);
        assertThat(running.list()).isEmpty();
    }

    @Test
    void anEndTheBrokerRefusedNoLongerCountsAsRunning() {
        publisher.publish(new DeploymentEvent.Finished(
                "d2", "shop", 1, Instant.now(), DeploymentStatus.FAILED, "predeploy: exit 1", null));

        sent.get(0)
                .nack(new IllegalStateException("broker gone"))
                .toCompletableFuture()
                .join();

        assertThat(running.list()).isEmpty();
    }

    private final class HeldEmitter implements Emitter<DeploymentEvent> {

        @Override
        public CompletionStage<Void> send(DeploymentEvent event) {
            send(Message.of(event));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public <M extends Message<? extends DeploymentEvent>> void send(M message) {
            sent.add(message);
        }

        @Override
        public void complete() {}

        @Override
        public void error(Exception e) {}

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
