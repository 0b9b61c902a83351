package io.slipway.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.slipway.contract.AppLogChannels;
import io.slipway.contract.AppLogRequest;
import io.slipway.engine.messaging.FakeGateway;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ProcessSpec;
import io.slipway.runtime.testing.TestEngines;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A distributed worker serving app log reads on the real Kafka, on rootful Podman: it takes a read from its pool's
 * log topic, sends the app's process lines on the log topic, serves a second follower of the app from the same
 * engine read, and ends the reads once their lease runs out.
 */
@QuarkusTest
@TestProfile(WorkerLogReadsTests.OwnPool.class)
class WorkerLogReadsTests {

    static final String POOL = "logs-" + UUID.randomUUID().toString().substring(0, 8);

    /** A distributed worker (it has a gateway) of a pool of this run's own. */
    public static class OwnPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "slipway.pool", POOL, "kafka.bootstrap.servers", TestEngines.endpoint("kafka.bootstrap-servers"));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeGateway.class));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final String app = "wlog-" + UUID.randomUUID().toString().substring(0, 8);
    private final String deploymentId = UUID.randomUUID().toString();

    @Inject
    ContainerRuntime runtime;

    @Inject
    AppLogReads reads;

    @AfterEach
    void removeTheContainer() {
        runtime.listContainers(ContainerLabels.allOf(app))
                .forEach(container -> runtime.removeContainer(container.id()));
    }

    @Test
    void aWorkerSendsTheAppsLinesTaggedWithTheProcessSharesItsEngineReadAndEndsTheReadsWhenTheirLeaseRunsOut()
            throws Exception {
        String containerId = runtime.startProcess(new ProcessSpec(
                TestEngines.baseImage(),
                "slipway-" + app + "-web-1-" + deploymentId.substring(0, 8),
                List.of("sh", "-c", "i=0; while true; do i=$((i+1)); echo \"tick $i\"; sleep 0.2; done"),
                Map.of(),
                ContainerLabels.process(app, deploymentId, "web")));
        try (KafkaConsumer<String, String> events = eventsFromNow();
                KafkaProducer<String, String> gateway = producer()) {
            List<JsonNode> seen = new ArrayList<>();
            String requestId = null;
            // The worker reads its pool's requests from the newest on once it has joined: ask until one is taken.
            Instant deadline = Instant.now().plusSeconds(60);
            while (requestId == null && Instant.now().isBefore(deadline)) {
                String asked = UUID.randomUUID().toString();
                gateway.send(new ProducerRecord<>(
                                AppLogChannels.requestsTopic(POOL),
                                asked,
                                JSON.writeValueAsString(new AppLogRequest.Follow(asked, app, null, 5, null, true))))
                        .get();
                requestId = poll(events, seen, Duration.ofSeconds(3)).stream()
                        .filter(event -> event.path("type").asText().equals("opened"))
                        .map(event -> event.path("requestId").asText())
                        .findFirst()
                        .orElse(null);
            }
            assertThat(requestId).as("a read taken by the worker").isNotNull();
            String read = requestId;

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                poll(events, seen, Duration.ofMillis(500));
                return ofRead(seen, read, "line").size() >= 5;
            });
            JsonNode line = ofRead(seen, read, "line").get(0);
            assertThat(line.path("process").asText()).isEqualTo("web.1");
            assertThat(line.path("processType").asText()).isEqualTo("web");
            assertThat(line.path("containerId").asText()).isEqualTo(containerId);
            assertThat(line.path("deploymentId").asText()).isEqualTo(deploymentId);
            assertThat(line.path("stream").asText()).isEqualTo("STDOUT");
            assertThat(line.path("line").asText()).startsWith("tick ");

            // A second follower of the app (tail 0: from the next line on) shares the first one's engine read.
            String second = UUID.randomUUID().toString();
            gateway.send(new ProducerRecord<>(
                            AppLogChannels.requestsTopic(POOL),
                            second,
                            JSON.writeValueAsString(new AppLogRequest.Follow(second, app, null, 0, null, true))))
                    .get();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                poll(events, seen, Duration.ofMillis(500));
                return ofRead(seen, second, "line").size() >= 5;
            });
            assertThat(reads.sharedEngineReads()).isEqualTo(1);
            List<String> firstLines = texts(ofRead(seen, read, "line"));
            List<String> secondLines = texts(ofRead(seen, second, "line"));
            assertThat(secondLines).doesNotHaveDuplicates();
            assertThat(firstLines).containsSubsequence(secondLines.subList(0, 3));

            // No renewal: the reads end within their lease and the refresh after it, and the engine read with them.
            await().atMost(AppLogChannels.LEASE.plusSeconds(15)).until(() -> {
                poll(events, seen, Duration.ofMillis(500));
                return !ofRead(seen, read, "ended").isEmpty()
                        && !ofRead(seen, second, "ended").isEmpty();
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> reads.sharedEngineReads() == 0);
            assertThat(ofRead(seen, read, "ended").get(0).path("error").asText())
                    .contains("lease");
            int lines = ofRead(seen, read, "line").size();
            poll(events, seen, Duration.ofSeconds(2));
            assertThat(ofRead(seen, read, "line")).hasSize(lines);
        }
    }

    private static List<String> texts(List<JsonNode> lines) {
        return lines.stream().map(line -> line.path("line").asText()).toList();
    }

    private static List<JsonNode> ofRead(List<JsonNode> seen, String requestId, String type) {
        return seen.stream()
                .filter(event -> event.path("requestId").asText().equals(requestId))
                .filter(event -> event.path("type").asText().equals(type))
                .toList();
    }

    private static List<JsonNode> poll(KafkaConsumer<String, String> events, List<JsonNode> seen, Duration wait)
            throws Exception {
        List<JsonNode> now = new ArrayList<>();
        for (ConsumerRecord<String, String> record : events.poll(wait)) {
            now.add(JSON.readTree(record.value()));
        }
        seen.addAll(now);
        return now;
    }

    private static KafkaConsumer<String, String> eventsFromNow() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.endpoint("kafka.bootstrap-servers"));
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        !consumer.partitionsFor(AppLogChannels.EVENTS_TOPIC).isEmpty());
        List<TopicPartition> partitions = consumer.partitionsFor(AppLogChannels.EVENTS_TOPIC).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.endpoint("kafka.bootstrap-servers"));
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }
}
