package io.slipway.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.slipway.contract.ConsoleChannels;
import io.slipway.contract.ConsoleEvent;
import io.slipway.contract.ConsoleRequest;
import io.slipway.contract.RunConsoles;
import io.slipway.engine.messaging.BrokerClients;
import io.slipway.engine.messaging.WholeTopicReader;
import io.slipway.engine.service.DaemonThreads;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.Run;
import io.slipway.gateway.repository.RunRepository;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * In remote mode, the consoles of interactive runs, relayed through the broker to the worker that holds each run
 * ({@link ConsoleChannels}): requests go to the topic of the run's app's pool, keyed by run id, sent at once; this
 * replica reads {@link ConsoleChannels#EVENTS_TOPIC} whole, every partition from its end with no consumer group, and
 * keeps the events of its own sessions ({@link RemoteConsoleSessions}); it renews each of its consoles' leases every
 * {@link ConsoleChannels#RENEW_INTERVAL}. Typed as itself only: the engine embedded in the gateway is the {@link
 * RunConsoles} of the embedded mode.
 */
@ApplicationScoped
@Typed(RemoteConsoles.class)
public class RemoteConsoles implements RunConsoles {

    private static final Logger LOG = Logger.getLogger(RemoteConsoles.class);
    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(5);

    private final RunRepository runs;
    private final AppRepository apps;
    private final ObjectMapper json;
    private final String bootstrapServers;
    private final RemoteConsoleSessions sessions;
    private final ScheduledExecutorService renewals =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("slipway-console-renewals"));
    /** The pools whose console topic is known to exist. */
    private final Set<String> poolTopics = ConcurrentHashMap.newKeySet();

    private volatile KafkaProducer<String, String> producer;
    private volatile WholeTopicReader<ConsoleEvent> events;

    RemoteConsoles(
            RunRepository runs,
            AppRepository apps,
            ObjectMapper json,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
                    String bootstrapServers) {
        this.runs = runs;
        this.apps = apps;
        this.json = json;
        this.bootstrapServers = bootstrapServers;
        this.sessions =
                new RemoteConsoleSessions(this::send, ConsoleChannels.OPEN_TIMEOUT, ConsoleChannels.ATTACH_RETRY);
    }

    // Static: an embedded gateway creates nothing of this.
    static void onStart(@Observes StartupEvent start, GatewayConfig config, Instance<RemoteConsoles> consoles) {
        if (config.engine().isRemote()) {
            consoles.get().start();
        }
    }

    void start() {
        producer = new KafkaProducer<>(producerConfig());
        events = new WholeTopicReader<>(
                        bootstrapServers, ConsoleChannels.EVENTS_TOPIC, ConsoleEvent.class, json, this::dispatch)
                .creatingTopic(Optional.of(ConsoleChannels.RETENTION))
                .polledEvery(Duration.ofMillis(100))
                .fetchedAtOnce();
        events.start("slipway-console-events");
        long every = ConsoleChannels.RENEW_INTERVAL.toMillis();
        renewals.scheduleWithFixedDelay(sessions::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Blocks until the worker that holds the run opened its console, at most {@link ConsoleChannels#OPEN_TIMEOUT}. A run
     * stored as ended is answered at once: no worker holds it any more, and waiting out the timeout would tell nothing.
     */
    @Override
    public Optional<RunConsole> attach(String runId, ConsoleScreen screen) {
        Optional<String> pool = QuarkusTransaction.requiringNew()
                .call(() -> runs.findByIdOptional(runId)
                        .filter(run -> !run.status().isFinal())
                        .map(Run::app)
                        .flatMap(apps::findByIdOptional))
                .map(App::pool);
        if (pool.isEmpty() || producer == null) {
            return Optional.empty();
        }
        if (!poolTopics.contains(pool.get())) {
            try {
                BrokerClients.createTopic(
                        bootstrapServers,
                        ConsoleChannels.requestsTopic(pool.get()),
                        Optional.of(ConsoleChannels.RETENTION),
                        CREATE_TIMEOUT);
                poolTopics.add(pool.get());
            } catch (RuntimeException e) {
                LOG.warnf("Cannot create the console topic of pool %s: %s", pool.get(), e.getMessage());
            }
        }
        return sessions.attach(pool.get(), runId, screen);
    }

    private void send(String pool, ConsoleRequest request) {
        try {
            producer.send(new ProducerRecord<>(
                    ConsoleChannels.requestsTopic(pool), request.runId(), json.writeValueAsString(request)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a console request cannot be written as JSON", e);
        } catch (RuntimeException e) {
            // Lost: an attach is sent again, a renewal made up for by the next, a detach by the lease.
            LOG.debugf("A console request of run %s was not sent: %s", request.runId(), e.getMessage());
        }
    }

    private void dispatch(ConsoleEvent event) {
        try {
            sessions.dispatch(event);
        } catch (RuntimeException e) {
            LOG.debugf("A console event of run %s was not delivered: %s", event.runId(), e.getMessage());
        }
    }

    private Properties producerConfig() {
        Properties config = BrokerClients.producerConfig(bootstrapServers);
        // Keystrokes go at once.
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "5000");
        return config;
    }

    @PreDestroy
    void close() {
        renewals.shutdownNow();
        if (events != null) {
            events.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }
}
