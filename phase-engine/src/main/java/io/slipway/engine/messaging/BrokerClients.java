package io.slipway.engine.messaging;

import io.slipway.contract.Channels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the Kafka clients of their own (rather than messaging channels, which every gateway that embeds this module
 * would also wire) have in common, on the workers and on the gateway: string records, and topics made with {@link
 * Channels#POOL_PARTITIONS} partitions (a topic the broker made on its own would have one).
 */
public final class BrokerClients {

    private BrokerClients() {}

    /** A producer of string keys and values; each caller bounds its own waits, since they differ. */
    public static Properties producerConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    /**
     * Creates the topic unless it exists, kept only {@code retention} if one is given (live bytes, such as a
     * console's, are of no use later); throws {@link IllegalStateException} if the broker refuses or does not answer
     * within {@code timeout}, and the caller decides whether that is fatal.
     */
    public static void createTopic(
            String bootstrapServers, String topic, Optional<Duration> retention, Duration timeout) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        NewTopic newTopic = new NewTopic(topic, Optional.of(Channels.POOL_PARTITIONS), Optional.empty());
        retention.ifPresent(
                kept -> newTopic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(kept.toMillis()))));
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
