package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import io.slipway.runtime.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine run on its own, as a scaled-out worker: it takes deploy commands from Kafka and
 * answers with events on Kafka, here deploying onto rootless Podman.
 */
class ScaledOutWorkerIT {

    private static final Path WORKER_JAR = Path.of("..", "phase-engine", "target", "quarkus-app", "quarkus-run.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String requestsTopic = "deploy-requests-" + run;
    private final String eventsTopic = "deployment-events-" + run;
    private final String bootstrapServers = TestEngines.endpoint("kafka.bootstrap-servers");
    private final TestEngine engine = TestEngines.named("podman-rootless");
    private Process worker;
    private Path workerLog;

    @BeforeEach
    void startWorker() throws IOException {
        assertThat(WORKER_JAR)
                .as("the packaged worker; build it with ./mvnw -B verify")
                .isRegularFile();
        workerLog = Files.createTempFile(Path.of("target"), "worker-", ".log");
        // Channel names hold dashes, which environment variable names cannot spell unambiguously.
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Dmp.messaging.incoming.deploy-requests.topic=" + requestsTopic,
                "-Dmp.messaging.incoming.deploy-requests.auto.offset.reset=earliest",
                "-Dmp.messaging.outgoing.deployment-events.topic=" + eventsTopic,
                "-jar",
                WORKER_JAR.toString());
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("SLIPWAY_RUNTIME", "podman");
        env.put("CONTAINER_HOST", engine.endpoint().toString());
        env.put("SLIPWAY_NETWORK", "none");
        env.put("SLIPWAY_PIPELINE_SETTLE_TIME", "1s");
        env.put("SLIPWAY_PIPELINE_WAIT_TO_RETIRE", "1s");
        env.put("SLIPWAY_ROUTER", "none");
        env.put("SLIPWAY_PIPELINE_REMOVE_LEFTOVERS_ON_START", "false");
        worker = builder.redirectErrorStream(true)
                .redirectOutput(workerLog.toFile())
                .start();
    }

    @AfterEach
    void stopWorker() throws InterruptedException {
        worker.destroy();
        if (!worker.waitFor(30, TimeUnit.SECONDS)) {
            worker.destroyForcibly().waitFor();
        }
    }

    @Test
    void aWorkerDeploysFromKafkaAndRemovesTheAppOnRequest() throws Exception {
        String app = "kafka-" + run;
        String deploymentId = UUID.randomUUID().toString();
        try (ContainerRuntime runtime = engine.connect();
                TestImages images = new TestImages(runtime);
                KafkaProducer<String, String> producer = producer();
                KafkaConsumer<String, String> consumer = consumer()) {
            String image = images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY Procfile /app/")
                    .file("Procfile", "release: echo released-by-worker\nweb: exec httpd -f -p $PORT -h /\n"));
            consumer.subscribe(List.of(eventsTopic));

            producer.send(new ProducerRecord<>(requestsTopic, app, start(deploymentId, app, image)))
                    .get();
            List<JsonNode> events =
                    readUntil(consumer, event -> event.path("type").asText().equals("finished"));

            assertThat(events)
                    .allSatisfy(event ->
                            assertThat(event.path("deploymentId").asText()).isEqualTo(deploymentId));
            assertThat(events)
                    .extracting(event -> event.path("seq").asLong())
                    .isSorted()
                    .doesNotHaveDuplicates();
            assertThat(events).extracting(event -> event.path("line").asText()).contains("released-by-worker");
            JsonNode finished = events.get(events.size() - 1);
            assertThat(finished.path("status").asText()).as(finished.toString()).isEqualTo("SUCCEEDED");
            assertThat(runtime.listContainers(Map.of("io.slipway.app", app, "io.slipway.role", "process")))
                    .hasSize(1);

            producer.send(new ProducerRecord<>(
                            requestsTopic, app, JSON.writeValueAsString(Map.of("type", "delete-app", "app", app))))
                    .get();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!runtime.listContainers(Map.of("io.slipway.app", app)).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(runtime.listContainers(Map.of("io.slipway.app", app))).isEmpty();
            String current = "slipway/" + app + ":current";
            while (runtime.inspectImage(current).isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(runtime.inspectImage(current))
                    .as("the app's current tag")
                    .isEmpty();
            assertThat(runtime.inspectImage(image))
                    .as("the image deployed as-is")
                    .isPresent();
        }
    }

    private static String start(String deploymentId, String app, String image) throws IOException {
        ObjectNode order = JSON.createObjectNode()
                .put("deploymentId", deploymentId)
                .put("app", app)
                .put("kind", "IMAGE")
                .put("image", image);
        order.putObject("config");
        order.putObject("formation");
        order.putArray("shell");
        ObjectNode command = JSON.createObjectNode().put("type", "start");
        command.set("order", order);
        return JSON.writeValueAsString(command);
    }

    private List<JsonNode> readUntil(
            KafkaConsumer<String, String> consumer, java.util.function.Predicate<JsonNode> last) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!worker.isAlive()) {
                throw new AssertionError("the worker exited; its log:\n" + Files.readString(workerLog));
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                JsonNode event = JSON.readTree(record.value());
                events.add(event);
                if (last.test(event)) {
                    return events;
                }
            }
        }
        throw new AssertionError(
                "no final event within 3 minutes; got " + events + "; worker log:\n" + Files.readString(workerLog));
    }

    private KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    private KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + run);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }
}
