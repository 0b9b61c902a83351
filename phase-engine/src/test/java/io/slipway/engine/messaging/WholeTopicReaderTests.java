package io.slipway.engine.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.contract.Channels;
import io.slipway.runtime.testing.TestEngines;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * The reader of a topic read whole, on the real Kafka: it makes its topic when asked (with the retention given), takes
 * every partition from its end (nothing sent before), skips what is not its type, and stops when closed.
 */
class WholeTopicReaderTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String servers = TestEngines.endpoint("kafka.bootstrap-servers");
    private final String topic = "whole-" + UUID.randomUUID().toString().substring(0, 8);

    record Note(String text) {}

    @Test
    void readsEveryPartitionFromItsEndSkipsWhatIsNoNoteAndStopsWhenClosed() throws Exception {
        BrokerClients.createTopic(servers, topic, Optional.empty(), Duration.ofSeconds(10));
        List<String> read = new CopyOnWriteArrayList<>();
        WholeTopicReader<Note> reader = new WholeTopicReader<>(
                        servers, topic, Note.class, JSON, note -> read.add(note.text()))
                .polledEvery(Duration.ofMillis(50))
                .fetchedAtOnce();
        String thread = "whole-topic-test-" + topic;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(BrokerClients.producerConfig(servers))) {
            producer.send(new ProducerRecord<>(topic, "k", "{\"text\":\"before\"}"))
                    .get(10, TimeUnit.SECONDS);
            reader.start(thread);
            // Keys spread over the partitions: the reader has all of them once a probe of each key came through.
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        for (int key = 0; key < Channels.POOL_PARTITIONS * 2; key++) {
                            producer.send(
                                    new ProducerRecord<>(topic, "key-" + key, "{\"text\":\"probe-" + key + "\"}"));
                        }
                        return read.stream()
                                        .distinct()
                                        .filter(text -> text.startsWith("probe-"))
                                        .count()
                                == Channels.POOL_PARTITIONS * 2L;
                    });
            producer.send(new ProducerRecord<>(topic, "k", "not a note")).get(10, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(topic, "k", "{\"text\":\"after\"}"))
                    .get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> read.contains("after"));
        } finally {
            reader.close();
        }
        assertThat(read).doesNotContain("before");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(running -> running.getName().equals(thread)));
        deleteTopic();
    }

    @Test
    void makesItsTopicWithThePartitionsOfAPoolAndTheRetentionGiven() throws Exception {
        WholeTopicReader<Note> reader = new WholeTopicReader<>(servers, topic, Note.class, JSON, note -> {})
                .creatingTopic(Optional.of(Duration.ofMinutes(1)));
        reader.start("whole-topic-test-" + topic);
        try (Admin admin = Admin.create(adminConfig())) {
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(() ->
                            admin.listTopics().names().get(5, TimeUnit.SECONDS).contains(topic));
            TopicDescription description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(5, TimeUnit.SECONDS)
                    .get(topic);
            assertThat(description.partitions()).hasSize(Channels.POOL_PARTITIONS);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String retention = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(5, TimeUnit.SECONDS)
                    .get(resource)
                    .get(TopicConfig.RETENTION_MS_CONFIG)
                    .value();
            assertThat(retention).isEqualTo("60000");
        } finally {
            reader.close();
            deleteTopic();
        }
    }

    private void deleteTopic() throws Exception {
        try (Admin admin = Admin.create(adminConfig())) {
            admin.deleteTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
        }
    }

    private Properties adminConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        return config;
    }
}
