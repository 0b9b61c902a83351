package io.slipway.engine.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.slipway.contract.Channels;
import io.slipway.contract.DeployCommand;
import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.WorkerApi;
import io.slipway.contract.WorkerApi.Claim.Verdict;
import io.slipway.engine.pipeline.AppRemoval;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.engine.pipeline.DeploymentOrders;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestEngines;
import io.slipway.runtime.testing.TestImages;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A distributed worker (it has a gateway URL) as its gateway sees it: each start is claimed over HTTP before
 * it runs and acknowledged only once its claim is settled, build contexts come from the gateway, and the
 * worker reports on {@code worker-status} in Kafka; on rootful Podman, the gateway a loopback fake.
 */
@QuarkusTest
@TestProfile(DistributedWorkerTests.WithGateway.class)
class DistributedWorkerTests {

    public static class WithGateway implements QuarkusTestProfile {
        /** busybox httpd, as PID 1, ignores SIGTERM: a short grace keeps the app's removal quick. */
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slipway.pipeline.stop-grace", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeGateway.class));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROCFILE = "web: exec httpd -f -p $PORT -h /app\n";

    private final String app = "dist-" + UUID.randomUUID().toString().substring(0, 8);

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
    void aStartWaitsUnacknowledgedWhileTheGatewaySaysWaitAndRunsOnceGranted() {
        InMemorySink<DeploymentEvent> events = connector.sink(Channels.DEPLOYMENT_EVENTS);
        try (TestImages images = new TestImages(runtime)) {
            String image = webImage(images);
            String id = UUID.randomUUID().toString();
            FakeGateway.VERDICTS.put(id, Verdict.WAIT);
            AtomicInteger acks = new AtomicInteger();

            connector.source(Channels.DEPLOY_REQUESTS).send(start(imageDeploy(id, image), acks));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> FakeGateway.requestsFor(id, "claim").size() >= 2);

            assertThat(acks).as("acknowledged while waiting").hasValue(0);
            assertThat(eventsOf(events, id)).as("events while waiting").isEmpty();
            FakeGateway.VERDICTS.put(id, Verdict.GRANTED);
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> finished(events, id).isPresent());

            assertThat(finished(events, id).orElseThrow().status()).isEqualTo(DeploymentStatus.SUCCEEDED);
            assertThat(acks).hasValue(1);
            assertThat(FakeGateway.requestsFor(id, "claim")).allSatisfy(claim -> {
                assertThat(claim.method()).isEqualTo("POST");
                assertThat(claim.authorization()).isEqualTo("Bearer " + FakeGateway.TOKEN);
                assertThat(JSON.readValue(claim.body(), WorkerApi.ClaimRequest.class))
                        .isEqualTo(new WorkerApi.ClaimRequest(FakeGateway.WORKER_ID, Channels.DEFAULT_POOL));
            });
        }
    }

    @Test
    void aRefusedStartIsAcknowledgedAndNeverRuns() {
        InMemorySink<DeploymentEvent> events = connector.sink(Channels.DEPLOYMENT_EVENTS);
        try (TestImages images = new TestImages(runtime)) {
            String image = webImage(images);
            String refused = UUID.randomUUID().toString();
            String next = UUID.randomUUID().toString();
            FakeGateway.VERDICTS.put(refused, Verdict.REFUSED);
            AtomicInteger acks = new AtomicInteger();

            connector.source(Channels.DEPLOY_REQUESTS).send(start(imageDeploy(refused, image), acks));
            connector.source(Channels.DEPLOY_REQUESTS).send(start(imageDeploy(next, image), new AtomicInteger()));
            // The app's lane runs the next deployment only after the refused one left it.
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> finished(events, next).isPresent());

            assertThat(acks).hasValue(1);
            assertThat(eventsOf(events, refused)).isEmpty();
            assertThat(runtime.listContainers(Map.of(ContainerLabels.DEPLOYMENT, refused)))
                    .isEmpty();
            assertThat(finished(events, next).orElseThrow().status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        }
    }

    @Test
    void aBuildContextIsDownloadedFromTheGatewayWithTheWorkerToken() {
        InMemorySink<DeploymentEvent> events = connector.sink(Channels.DEPLOYMENT_EVENTS);
        String id = UUID.randomUUID().toString();
        FakeGateway.CONTEXTS.put(
                id,
                BuildContext.from(TestEngines.baseImage(), "WORKDIR /app", "COPY Procfile /app/")
                        .file("Procfile", "release: echo built-from-the-download\n" + PROCFILE)
                        .toGzip());
        DeploymentOrder order = DeploymentOrders.aBuildOf(Path.of(WorkerApi.buildContextPath(id)))
                .deploymentId(id)
                .app(app)
                .build();

        connector.source(Channels.DEPLOY_REQUESTS).send(start(order, new AtomicInteger()));
        await().atMost(Duration.ofMinutes(2)).until(() -> finished(events, id).isPresent());

        assertThat(finished(events, id).orElseThrow().status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(eventsOf(events, id))
                .filteredOn(DeploymentEvent.Log.class::isInstance)
                .extracting(event -> ((DeploymentEvent.Log) event).line())
                .contains("built-from-the-download");
        assertThat(FakeGateway.requestsFor(id, "context")).singleElement().satisfies(download -> {
            assertThat(download.method()).isEqualTo("GET");
            assertThat(download.authorization()).isEqualTo("Bearer " + FakeGateway.TOKEN);
        });
    }

    @Test
    void theWorkerReportsItsDeploymentsAndTheEnginesProcessContainersOnWorkerStatus() throws Exception {
        InMemorySink<DeploymentEvent> events = connector.sink(Channels.DEPLOYMENT_EVENTS);
        try (TestImages images = new TestImages(runtime);
                KafkaConsumer<String, String> reports = workerStatusFromNow()) {
            String image = webImage(images);
            String id = UUID.randomUUID().toString();

            connector.source(Channels.DEPLOY_REQUESTS).send(start(imageDeploy(id, image), new AtomicInteger()));
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> finished(events, id).isPresent());
            ContainerInfo web =
                    runtime.listContainers(ContainerLabels.processesOf(app)).get(0);

            JsonNode report = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (report == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : reports.poll(Duration.ofMillis(500))) {
                    JsonNode status = JSON.readTree(record.value());
                    if (FakeGateway.WORKER_ID.equals(record.key()) && lists(status, web.id())) {
                        report = status;
                    }
                }
            }

            assertThat(report).as("a report listing the app's web container").isNotNull();
            assertThat(report.path("workerId").asText()).isEqualTo(FakeGateway.WORKER_ID);
            assertThat(report.path("pool").asText()).isEqualTo(Channels.DEFAULT_POOL);
            assertThat(report.path("engine").asText()).startsWith("podman");
            assertThat(report.path("at").asText()).endsWith("Z");
            JsonNode process = processOf(report, web.id());
            assertThat(process.path("app").asText()).isEqualTo(app);
            assertThat(process.path("type").asText()).isEqualTo("web");
            assertThat(process.path("state").asText()).isEqualTo("RUNNING");
            assertThat(process.path("name").asText()).isEqualTo(web.name());
        }
    }

    private static boolean lists(JsonNode status, String containerId) {
        return processOf(status, containerId) != null;
    }

    private static JsonNode processOf(JsonNode status, String containerId) {
        for (JsonNode process : status.path("processes")) {
            if (containerId.equals(process.path("containerId").asText())) {
                return process;
            }
        }
        return null;
    }

    /** Reads the topic from its current end, so earlier runs' reports are not seen. */
    private static KafkaConsumer<String, String> workerStatusFromNow() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.endpoint("kafka.bootstrap-servers"));
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !consumer.partitionsFor(Channels.WORKER_STATUS).isEmpty());
        List<TopicPartition> partitions = consumer.partitionsFor(Channels.WORKER_STATUS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private String webImage(TestImages images) {
        return images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY Procfile /app/")
                .file("Procfile", PROCFILE));
    }

    private DeploymentOrder imageDeploy(String id, String image) {
        return DeploymentOrders.anImageDeploy()
                .deploymentId(id)
                .app(app)
                .image(image)
                .build();
    }

    private static Message<DeployCommand> start(DeploymentOrder order, AtomicInteger acks) {
        return Message.of(new DeployCommand.Start(order), () -> {
            acks.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
    }

    private static List<DeploymentEvent> eventsOf(InMemorySink<DeploymentEvent> events, String id) {
        return events.received().stream()
                .map(Message::getPayload)
                .filter(event -> event.deploymentId().equals(id))
                .toList();
    }

    private static Optional<DeploymentEvent.Finished> finished(InMemorySink<DeploymentEvent> events, String id) {
        return eventsOf(events, id).stream()
                .filter(DeploymentEvent.Finished.class::isInstance)
                .map(DeploymentEvent.Finished.class::cast)
                .findFirst();
    }
}
