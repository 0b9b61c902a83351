package io.slipway.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.LogStream;
import io.slipway.contract.PhaseName;
import io.slipway.engine.messaging.DeploymentEventPublisher;
import java.time.Instant;
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
    private final RunningDeployments running = new RunningDeployments(publisher);

    @Test
    void aFinishedDeploymentIsReportedRunningUntilTheBrokerTookItsEnd() {
        running.add("d1");
        publisher.publish(
                new DeploymentEvent.Log("d1", "shop", 1, Instant.now(), PhaseName.PREDEPLOY, LogStream.STDOUT, "x"));
        publisher.publish(new DeploymentEvent.Finished(
                "d1", "shop", 2, Instant.now(), DeploymentStatus.SUCCEEDED, null, "slipway/shop:release-d1"));
        running.remove("d1");

        assertThat(running.list()).containsExactly("d1");

        sent.forEach(message -> message.ack().toCompletableFuture().join());

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
