package io.slipway.engine.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slipway.contract.Channels;
import io.slipway.contract.DeployCommand;
import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentStatus;
import io.slipway.engine.pipeline.AppRemoval;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.engine.pipeline.DeploymentOrders;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestImages;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker as the gateway sees it: commands in on {@code deploy-requests}, events out on
 * {@code deployment-events}, against the rootful Podman the test environment configures.
 */
@QuarkusTest
@QuarkusTestResource(InMemoryChannels.class)
class WorkerTests {

    private final String app = "worker-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ContainerRuntime runtime;

    @Inject
    AppRemoval removal;

    @AfterEach
    void removeApp() {
        removal.removeApp(app);
    }

    @Test
    void aStartCommandRunsTheDeploymentAndItsEventsComeBackInOrder() {
        InMemorySink<DeploymentEvent> events = connector.sink(Channels.DEPLOYMENT_EVENTS);
        events.clear();
        try (TestImages images = new TestImages(runtime)) {
            String image = images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY Procfile /app/")
                    .file("Procfile", "release: echo from-release\nweb: exec httpd -f -p $PORT -h /app\n"));
            String id = UUID.randomUUID().toString();

            connector.source(Channels.DEPLOY_REQUESTS).send(new DeployCommand.Start(order(id, image)));

            await().atMost(Duration.ofMinutes(1))
                    .until(() -> finished(events, id).isPresent());
            assertThat(finished(events, id).orElseThrow().status()).isEqualTo(DeploymentStatus.SUCCEEDED);
            List<DeploymentEvent> ours = events.received().stream()
                    .map(Message::getPayload)
                    .filter(event -> event.deploymentId().equals(id))
                    .toList();
            assertThat(ours).extracting(DeploymentEvent::seq).isSorted().doesNotHaveDuplicates();
            assertThat(ours)
                    .filteredOn(DeploymentEvent.Log.class::isInstance)
                    .extracting(event -> ((DeploymentEvent.Log) event).line())
                    .contains("from-release");
            removal.removeApp(app);
        }
    }

    @Test
    void aCancelCommandCancelsARunningDeployment() {
        InMemorySink<DeploymentEvent> events = connector.sink(Channels.DEPLOYMENT_EVENTS);
        try (TestImages images = new TestImages(runtime)) {
            String image = images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY Procfile /app/")
                    .file("Procfile", "release: sleep 60\nweb: exec httpd -f -p $PORT -h /app\n"));
            String id = UUID.randomUUID().toString();

            connector.source(Channels.DEPLOY_REQUESTS).send(new DeployCommand.Start(order(id, image)));
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> !runtime.listContainers(
                                    Map.of(ContainerLabels.DEPLOYMENT, id, ContainerLabels.ROLE, "task"))
                            .isEmpty());
            connector.source(Channels.DEPLOY_REQUESTS).send(new DeployCommand.Cancel(app, id));

            await().atMost(Duration.ofMinutes(1))
                    .until(() -> finished(events, id).isPresent());
            assertThat(finished(events, id).orElseThrow().status()).isEqualTo(DeploymentStatus.CANCELLED);
            assertThat(runtime.listContainers(Map.of(ContainerLabels.DEPLOYMENT, id)))
                    .isEmpty();
        }
    }

    @Test
    void aStartIsAcknowledgedOnArrivalEvenWhileItsAppsLaneIsBusy() {
        InMemorySink<DeploymentEvent> events = connector.sink(Channels.DEPLOYMENT_EVENTS);
        try (TestImages images = new TestImages(runtime)) {
            String image = images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY Procfile /app/")
                    .file("Procfile", "release: sleep 60\nweb: exec httpd -f -p $PORT -h /app\n"));
            String first = UUID.randomUUID().toString();
            String second = UUID.randomUUID().toString();
            AtomicInteger acks = new AtomicInteger();
            connector.source(Channels.DEPLOY_REQUESTS).send(new DeployCommand.Start(order(first, image)));
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> !runtime.listContainers(
                                    Map.of(ContainerLabels.DEPLOYMENT, first, ContainerLabels.ROLE, "task"))
                            .isEmpty());

            connector
                    .source(Channels.DEPLOY_REQUESTS)
                    .send(Message.of(new DeployCommand.Start(order(second, image)), () -> {
                        acks.incrementAndGet();
                        return CompletableFuture.completedFuture(null);
                    }));

            // The embedding gateway waits for this acknowledgement before it answers the deploy request.
            await().atMost(Duration.ofSeconds(20)).until(() -> acks.get() == 1);
            assertThat(finished(events, first))
                    .as("the first deployment still runs")
                    .isEmpty();
            connector.source(Channels.DEPLOY_REQUESTS).send(new DeployCommand.Cancel(app, second));
            connector.source(Channels.DEPLOY_REQUESTS).send(new DeployCommand.Cancel(app, first));
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> finished(events, first).isPresent()
                            && finished(events, second).isPresent());
            assertThat(finished(events, second).orElseThrow().status()).isEqualTo(DeploymentStatus.CANCELLED);
        }
    }

    private DeploymentOrder order(String id, String image) {
        return DeploymentOrders.anImageDeploy()
                .deploymentId(id)
                .app(app)
                .image(image)
                .build();
    }

    private static Optional<DeploymentEvent.Finished> finished(InMemorySink<DeploymentEvent> events, String id) {
        return events.received().stream()
                .map(Message::getPayload)
                .filter(DeploymentEvent.Finished.class::isInstance)
                .map(DeploymentEvent.Finished.class::cast)
                .filter(finished -> finished.deploymentId().equals(id))
                .findFirst();
    }
}
