package io.slipway.engine.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.slipway.contract.Channels;
import io.slipway.contract.ConsoleChannels;
import io.slipway.contract.ConsoleEvent;
import io.slipway.contract.ConsoleRequest;
import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.config.EngineRole;
import io.slipway.engine.service.InteractiveRuns;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A distributed worker's side of remote consoles: it reads its pool's console requests ({@link
 * ConsoleChannels#requestsTopic}) whole, every partition from its end and with no consumer group, since only the
 * worker that took an interactive run holds its console, and hands them to a {@link ConsoleRelay} over this worker's
 * {@link InteractiveRuns}; the relay's events go to {@link ConsoleChannels#EVENTS_TOPIC}, keyed by run id. Sent at
 * once and fetched at once: a person types into these consoles.
 */
@ApplicationScoped
public class WorkerConsoles {

    private static final Logger LOG = Logger.getLogger(WorkerConsoles.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final InteractiveRuns runs;
    private final ObjectMapper json;
    private final String pool;
    private final String bootstrapServers;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(daemon("slipway-console-relay-timer"));
    private final ExecutorService opener = Executors.newCachedThreadPool(daemon("slipway-console-relay-open"));
    private volatile KafkaConsumer<String, String> consumer;
    private volatile KafkaProducer<String, String> producer;
    private volatile ConsoleRelay relay;

    WorkerConsoles(
            InteractiveRuns runs,
            ObjectMapper json,
            EngineConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
                    String bootstrapServers) {
        this.runs = runs;
        this.json = json;
        this.pool = config.pool();
        this.bootstrapServers = bootstrapServers;
    }

    // Static: observing the start creates nothing unless this process is a distributed worker.
    static void onStart(@Observes StartupEvent start, EngineConfig config, Instance<WorkerConsoles> consoles) {
        if (EngineRole.of(config) == EngineRole.DISTRIBUTED) {
            consoles.get().start();
        }
    }

    void start() {
        String topic = ConsoleChannels.requestsTopic(pool);
        ensureTopics(topic);
        producer = new KafkaProducer<>(producerConfig());
        consumer = new KafkaConsumer<>(consumerConfig());
        relay = new ConsoleRelay(runs, runs::waits, this::send, timer, opener, Clock.systemUTC());
        timer.scheduleWithFixedDelay(relay::expire, 1, 1, TimeUnit.SECONDS);
        Thread poller = new Thread(() -> poll(topic), "slipway-console-requests");
        poller.setDaemon(true);
        poller.start();
        LOG.infof("Serving the consoles of pool %s from %s", pool, topic);
    }

    private void poll(String topic) {
        try {
            while (!assigned(topic)) {
                Thread.sleep(RETRY.toMillis());
            }
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    request(record.value()).ifPresent(this::handle);
                }
            }
        } catch (WakeupException | InterruptedException stopping) {
            // close() woke the poll up: the worker stops.
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void handle(ConsoleRequest request) {
        try {
            relay.handle(request);
        } catch (RuntimeException e) {
            LOG.warnf("A console request of run %s failed: %s", request.runId(), e.getMessage());
        }
    }

    /** Takes every partition of the topic from its end; false while the broker cannot say. */
    private boolean assigned(String topic) {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return false;
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Console requests not read yet (trying again every %s): %s", RETRY, e.getMessage());
            return false;
        }
    }

    private Optional<ConsoleRequest> request(String value) {
        try {
            return Optional.of(json.readValue(value, ConsoleRequest.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignored a console request that is none: %s", e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private void send(ConsoleEvent event) {
        try {
            producer.send(
                    new ProducerRecord<>(ConsoleChannels.EVENTS_TOPIC, event.runId(), json.writeValueAsString(event)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a console event cannot be written as JSON", e);
        }
    }

    private void ensureTopics(String requests) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            for (String topic : List.of(requests, ConsoleChannels.EVENTS_TOPIC)) {
                try {
                    admin.createTopics(List.of(consoleTopic(topic))).all().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf(
                                "Cannot create the topic %s: %s",
                                topic, e.getCause().getMessage());
                    }
                } catch (TimeoutException e) {
                    LOG.warnf("The broker did not create the topic %s in time", topic);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A topic of console bytes: kept only {@link ConsoleChannels#RETENTION}. */
    public static NewTopic consoleTopic(String topic) {
        return new NewTopic(topic, Optional.of(Channels.POOL_PARTITIONS), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(ConsoleChannels.RETENTION.toMillis())));
    }

    private Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1000");
        // The relay gathers output itself: what it sends goes at once.
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return config;
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "slipway-consoles-" + UUID.randomUUID());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return config;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void close() {
        if (consumer != null) {
            consumer.wakeup();
        }
        timer.shutdownNow();
        opener.shutdownNow();
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }
}
