package io.slipway.gateway.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.slipway.contract.AppLogChannels;
import io.slipway.contract.AppLogEvent;
import io.slipway.contract.Channels;
import io.slipway.gateway.config.GatewayConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * In remote mode, the workers' app log events: this replica reads {@link AppLogChannels#EVENTS_TOPIC} whole, every
 * partition from its end, with no consumer group (each replica needs the events of the reads it serves, which any
 * partition may hold), and hands each to {@link AppLogStreams}, which drops those of reads it does not serve. Nothing
 * is committed: the events are live, and a replica that restarts has no reads left to serve.
 */
@ApplicationScoped
public class RemoteLogEvents {

    private static final Logger LOG = Logger.getLogger(RemoteLogEvents.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final AppLogStreams streams;
    private final ObjectMapper json;
    private final String bootstrapServers;
    private volatile KafkaConsumer<String, String> consumer;

    RemoteLogEvents(
            AppLogStreams streams,
            ObjectMapper json,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
                    String bootstrapServers) {
        this.streams = streams;
        this.json = json;
        this.bootstrapServers = bootstrapServers;
    }

    // Static: an embedded gateway creates nothing of this.
    static void onStart(@Observes StartupEvent start, GatewayConfig config, Instance<RemoteLogEvents> events) {
        if (config.engine().isRemote()) {
            events.get().start();
        }
    }

    void start() {
        consumer = new KafkaConsumer<>(consumerConfig());
        Thread reader = new Thread(this::read, "slipway-app-log-events");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            while (!assigned()) {
                Thread.sleep(RETRY.toMillis());
            }
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    event(record.value()).ifPresent(streams::dispatch);
                }
            }
        } catch (WakeupException | InterruptedException stopping) {
            // The gateway stops.
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Makes sure the topic exists and takes all of it from its end; false while the broker cannot say. */
    private boolean assigned() {
        try {
            ensureTopic();
            List<TopicPartition> partitions = consumer.partitionsFor(AppLogChannels.EVENTS_TOPIC).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return false;
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // The end is fixed now, not at the first poll: a read started from here on finds all its events.
            partitions.forEach(consumer::position);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("App log events not read yet (trying again every %s): %s", RETRY, e.getMessage());
            return false;
        }
    }

    private void ensureTopic() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(
                            AppLogChannels.EVENTS_TOPIC, Optional.of(Channels.POOL_PARTITIONS), Optional.empty())))
                    .all()
                    .get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause().getMessage(), e);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Optional<AppLogEvent> event(String value) {
        try {
            return Optional.of(json.readValue(value, AppLogEvent.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return config;
    }

    @PreDestroy
    void close() {
        if (consumer != null) {
            consumer.wakeup();
        }
    }
}
