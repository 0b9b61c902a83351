package io.slipway.engine.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.slipway.contract.ConsoleChannels;
import io.slipway.contract.ConsoleEvent;
import io.slipway.contract.ConsoleRequest;
import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.config.EngineRole;
import io.slipway.engine.messaging.BrokerClients;
import io.slipway.engine.messaging.WholeTopicReader;
import io.slipway.engine.service.DaemonThreads;
import io.slipway.engine.service.InteractiveRuns;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(10);

    private final InteractiveRuns runs;
    private final ObjectMapper json;
    private final String pool;
    private final String bootstrapServers;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("slipway-console-relay-timer"));
    private final ExecutorService opener =
            Executors.newCachedThreadPool(DaemonThreads.named("slipway-console-relay-open"));
    private volatile WholeTopicReader<ConsoleRequest> requests;
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
        relay = new ConsoleRelay(runs, runs::waits, this::send, timer, opener, Clock.systemUTC());
        timer.scheduleWithFixedDelay(relay::expire, 1, 1, TimeUnit.SECONDS);
        requests = new WholeTopicReader<>(bootstrapServers, topic, ConsoleRequest.class, json, this::handle)
                .polledEvery(POLL)
                .fetchedAtOnce();
        requests.start("slipway-console-requests");
        LOG.infof("Serving the consoles of pool %s from %s", pool, topic);
    }

    private void handle(ConsoleRequest request) {
        try {
            relay.handle(request);
        } catch (RuntimeException e) {
            LOG.warnf("A console request of run %s failed: %s", request.runId(), e.getMessage());
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

    /** Both topics kept only {@link ConsoleChannels#RETENTION}; a worker that cannot make them still tries to serve. */
    private void ensureTopics(String requests) {
        for (String topic : List.of(requests, ConsoleChannels.EVENTS_TOPIC)) {
            try {
                BrokerClients.createTopic(
                        bootstrapServers, topic, Optional.of(ConsoleChannels.RETENTION), CREATE_TIMEOUT);
            } catch (IllegalStateException e) {
                LOG.warnf("Cannot create the topic %s: %s", topic, e.getMessage());
            }
        }
    }

    private Properties producerConfig() {
        Properties config = BrokerClients.producerConfig(bootstrapServers);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1000");
        // The relay gathers output itself: what it sends goes at once.
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return config;
    }

    @PreDestroy
    void close() {
        if (requests != null) {
            requests.close();
        }
        timer.shutdownNow();
        opener.shutdownNow();
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }
}
