package io.slipway.engine.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.contract.Channels;
import io.slipway.contract.WorkerStatus;
import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A distributed worker's report to the gateways on {@value Channels#WORKER_STATUS} (keyed by worker id): that
 * it lives (its lease), what it runs, and the process containers of its pool's engine, read in one list call.
 * Sent every {@code min(5 s, lease / 3)} and at once when a deployment ends or an app is removed.
 *
 * <p>A Kafka producer of its own rather than a messaging channel: a channel declared in this module would
 * also be wired into every gateway that embeds it, where no report is ever sent. It exists only once
 * {@link EngineStartup} starts it, for a distributed worker.
 */
@ApplicationScoped
public class WorkerHeartbeat {

    static final Duration LONGEST_INTERVAL = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(WorkerHeartbeat.class);

    private final WorkerIdentity identity;
    private final ContainerRuntime runtime;
    private final RunningDeployments running;
    private final ObjectMapper json;
    private final Duration interval;
    private final String bootstrapServers;
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("slipway-worker-status"));
    private final QueuedOnce reportAfterChanges = new QueuedOnce(timer, this::report);
    private volatile KafkaProducer<String, String> producer;

    WorkerHeartbeat(
            WorkerIdentity identity,
            ContainerRuntime runtime,
            RunningDeployments running,
            ObjectMapper json,
            EngineConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
                    String bootstrapServers) {
        this.identity = identity;
        this.runtime = runtime;
        this.running = running;
        this.json = json;
        this.interval = interval(config.workerLease());
        this.bootstrapServers = bootstrapServers;
    }

    /** Often enough that two reports in a row can be lost within one lease. */
    static Duration interval(Duration lease) {
        Duration third = lease.dividedBy(3);
        return third.compareTo(LONGEST_INTERVAL) < 0 ? third : LONGEST_INTERVAL;
    }

    void start() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "slipway-worker-status-" + identity.workerId());
        // A report older than a lease is worthless: never block or retry longer than one.
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(interval.toMillis()));
        properties.put(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(interval.toMillis() * 3, 15_000)));
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(interval.toMillis()));
        producer = new KafkaProducer<>(properties);
        LOG.infof(
                "Worker %s of pool %s reports every %s to %s",
                identity.workerId(), identity.pool(), interval, Channels.WORKER_STATUS);
        timer.scheduleWithFixedDelay(this::report, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Only an existing (started) heartbeat hears of changes: elsewhere nothing is reported. */
    void onChange(@Observes(notifyObserver = Reception.IF_EXISTS) WorkerStateChanged change) {
        if (producer != null) {
            reportAfterChanges.ask();
        }
    }

    private void report() {
        try {
            WorkerStatus status = status();
            producer.send(
                    new ProducerRecord<>(Channels.WORKER_STATUS, identity.workerId(), json.writeValueAsString(status)),
                    (metadata, failure) -> {
                        if (failure == null) {
                            if (failureLogged.compareAndSet(true, false)) {
                                LOG.info("Worker reports reach the broker again");
                            }
                        } else if (failureLogged.compareAndSet(false, true)) {
                            LOG.warnf(
                                    "Worker report not sent (trying again every %s): %s",
                                    interval, failure.getMessage());
                        }
                    });
        } catch (JsonProcessingException | RuntimeException e) {
            // An engine or broker error included: a scheduled task that throws is never run again.
            if (failureLogged.compareAndSet(false, true)) {
                LOG.warnf("Worker report not sent (trying again every %s): %s", interval, e.getMessage());
            }
        }
    }

    WorkerStatus status() {
        List<WorkerStatus.ProcessContainer> processes = processes(runtime);
        // An engine that does not answer sends no report: the worker's lease runs out.
        return new WorkerStatus(
                identity.workerId(),
                identity.pool(),
                runtime.engine().describe(),
                Clock.systemUTC().instant(),
                running.list(),
                processes,
                null,
                runtime.engine().enforcesLimits());
    }

    /**
     * The engine's process containers as a report names them; each one's state by the same name in
     * {@code ProcessState}. Their restarts and start come from an inspection ({@link ContainerRuntime#listInspected}),
     * so that the gateway shows a crashing process without asking the engine. Throws what the engine threw.
     */
    static List<WorkerStatus.ProcessContainer> processes(ContainerRuntime runtime) {
        return runtime.listInspected(ContainerLabels.allProcesses()).stream()
                .map(WorkerHeartbeat::process)
                .toList();
    }

    private static WorkerStatus.ProcessContainer process(ContainerInfo container) {
        return new WorkerStatus.ProcessContainer(
                container.labels().get(ContainerLabels.APP),
                container.labels().get(ContainerLabels.PROCESS_TYPE),
                container.id(),
                container.name(),
                container.state().name(),
                container.address().orElse(null),
                container.labels().get(ContainerLabels.DEPLOYMENT),
                container.restartCount(),
                container.startedAt().orElse(null));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }
}
