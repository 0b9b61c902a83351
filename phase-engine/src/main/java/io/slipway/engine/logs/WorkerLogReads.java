package io.slipway.engine.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.slipway.contract.AppLogChannels;
import io.slipway.contract.AppLogEvent;
import io.slipway.contract.AppLogRequest;
import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.config.EngineRole;
import io.slipway.engine.messaging.BrokerClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A distributed worker's side of app log reads: it reads its pool's log requests ({@link
 * AppLogChannels#requestsTopic}) in the pool's log group, so that each read is served by one worker of the pool, and
 * sends each read's events on {@link AppLogChannels#EVENTS_TOPIC}, keyed by request id.
 *
 * <p>Kafka clients of its own, as {@code WorkerHeartbeat}'s, rather than messaging channels, which would also be
 * wired into every gateway that embeds this module. Requests are read from the newest on: one older than a lease
 * is of no use, and the gateway ends a stream no engine took within {@link AppLogChannels#ANSWER_TIMEOUT}.
 */
@ApplicationScoped
public class WorkerLogReads {

    private static final Logger LOG = Logger.getLogger(WorkerLogReads.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** A line that cannot be handed to the producer within this long ends its read rather than hold the rest up. */
    private static final String MAX_BLOCK_MS = "1000";

    private final AppLogReads reads;
    private final ObjectMapper json;
    private final String pool;
    private final String bootstrapServers;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile KafkaProducer<String, String> producer;
    private volatile Thread poller;

    WorkerLogReads(
            AppLogReads reads,
            ObjectMapper json,
            EngineConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
                    String bootstrapServers) {
        this.reads = reads;
        this.json = json;
        this.pool = config.pool();
        this.bootstrapServers = bootstrapServers;
    }

    // Static: observing the start creates nothing unless this process is a distributed worker.
    static void onStart(@Observes StartupEvent start, EngineConfig config, Instance<WorkerLogReads> workerReads) {
        if (EngineRole.of(config) == EngineRole.DISTRIBUTED) {
            workerReads.get().start();
        }
    }

    void start() {
        String topic = AppLogChannels.requestsTopic(pool);
        ensureTopic(topic);
        producer = new KafkaProducer<>(producerConfig());
        consumer = new KafkaConsumer<>(consumerConfig());
        consumer.subscribe(List.of(topic));
        poller = new Thread(this::poll, "slipway-app-log-requests");
        poller.setDaemon(true);
        poller.start();
        LOG.infof("Serving app log reads of pool %s from %s", pool, topic);
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    request(record.value()).ifPresent(request -> reads.handle(request, this::send));
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the poll up: the worker stops.
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private Optional<AppLogRequest> request(String value) {
        try {
            return Optional.of(json.readValue(value, AppLogRequest.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignored a log request that is none: %s", e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private void send(AppLogEvent event) {
        try {
            producer.send(new ProducerRecord<>(
                    AppLogChannels.EVENTS_TOPIC, event.requestId(), json.writeValueAsString(event)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an app log event cannot be written as JSON", e);
        }
    }

    /** The gateway creates a pool's command topic; a pool's log topic is the workers' own, made with as many parts. */
    private void ensureTopic(String topic) {
        try {
            BrokerClients.createTopic(bootstrapServers, topic, Optional.empty(), Duration.ofSeconds(10));
        } catch (IllegalStateException e) {
            LOG.warnf("Cannot create the topic %s (the broker may create it on first use): %s", topic, e.getMessage());
        }
    }

    private Properties producerConfig() {
        Properties config = BrokerClients.producerConfig(bootstrapServers);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        // Lines are worth sending together: a few milliseconds of delay make far fewer, larger requests.
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        return config;
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, AppLogChannels.requestsGroup(pool));
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "slipway-app-logs-" + UUID.randomUUID());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return config;
    }

    @PreDestroy
    void close() {
        if (consumer != null) {
            consumer.wakeup();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }
}
