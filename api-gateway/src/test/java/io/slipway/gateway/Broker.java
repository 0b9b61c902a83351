package io.slipway.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The test's own side of the broker: what a worker would send, and what the gateway sent to a pool. */
final class Broker {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Broker() {}

    /** Sends {@code value} as JSON, keyed, and waits for the broker's acknowledgement. */
    static void send(ObjectMapper json, String topic, String key, Object value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RemoteModeProfile.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, json.writeValueAsString(value)))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (JsonProcessingException | InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot send to " + topic, e);
        }
    }

    /** Reads the topic from its start until a record matches; fails after a bounded wait. */
    static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> wanted) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        RemoteModeProfile.bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false"),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, WAIT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(WAIT);
            List<String> seen = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.test(record)) {
                        return record;
                    }
                    seen.add(record.key() + " " + record.value());
                }
            }
            throw new AssertionError("no such record in " + topic + " within " + WAIT + "; seen: " + seen);
        }
    }

    static int partitions(String topic) throws Exception {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .size();
        }
    }

    /** Removes the topics a test run made, so that runs leave nothing behind on the broker. */
    static void deleteTopics(Collection<String> topics) throws Exception {
        try (Admin admin = admin()) {
            List<String> existing = admin.listTopics().names().get(WAIT.toSeconds(), TimeUnit.SECONDS).stream()
                    .filter(topics::contains)
                    .toList();
            admin.deleteTopics(existing).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RemoteModeProfile.bootstrapServers()));
    }
}
