package io.slipway.engine.service;

import io.slipway.contract.Channels;
import io.slipway.contract.WorkerStatus;
import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.messaging.DeploymentEnding;
import io.slipway.runtime.ContainerRuntime;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The reports of the engine a gateway embeds: the same {@link WorkerStatus} a distributed worker sends on
 * {@value Channels#WORKER_STATUS}, handed to the gateway in process (a CDI event it observes) instead of through a
 * broker, so that the gateway learns what runs the one way in both modes. Sent when {@link EngineStartup} starts it,
 * every {@link WorkerHeartbeat#interval}, at once when an app is removed, and right before a deployment's end is
 * published ({@link DeploymentEnding}), so that the gateway has stored the new processes when it stores the end.
 *
 * <p>When the engine does not answer the list call, the report says why instead of listing: the gateway keeps the
 * processes it was told last and shows their state as unknown.
 */
@ApplicationScoped
public class EmbeddedReports {

    private static final Logger LOG = Logger.getLogger(EmbeddedReports.class);

    private final ContainerRuntime runtime;
    private final Consumer<WorkerStatus> gateway;
    private final Duration interval;
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("slipway-engine-report"));
    private final QueuedOnce reportAfterChanges = new QueuedOnce(timer, this::report);
    private volatile boolean started;
    /** Reports are made one at a time, so a slow list never overtakes a newer one. */
    private final ReentrantLock reporting = new ReentrantLock();
    /** Counts the calls of {@link #report()}. */
    private final AtomicLong requests = new AtomicLong();
    /** The last call answered by a report that reached the gateway; guarded by {@link #reporting}. */
    private long reported;

    @Inject
    EmbeddedReports(ContainerRuntime runtime, Event<WorkerStatus> gateway, EngineConfig config) {
        this(runtime, gateway::fire, WorkerHeartbeat.interval(config.workerLease()));
    }

    EmbeddedReports(ContainerRuntime runtime, Consumer<WorkerStatus> gateway, Duration interval) {
        this.runtime = runtime;
        this.gateway = gateway;
        this.interval = interval;
    }

    /** Reports once before the engine takes its first command ({@link EngineStart}), then every interval. */
    void start() {
        started = true;
        report();
        timer.scheduleWithFixedDelay(this::report, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onChange(@Observes(notifyObserver = Reception.IF_EXISTS) WorkerStateChanged change) {
        if (started) {
            reportAfterChanges.ask();
        }
    }

    /** On the thread that publishes the end, which waits: the gateway stores the processes before the end. */
    void beforeEnd(@Observes(notifyObserver = Reception.IF_EXISTS) DeploymentEnding ending) {
        if (started) {
            report();
        }
    }

    /**
     * Makes sure a report that began after this call has reached the gateway. Callers that waited while another
     * report was made share the next one: 20 deployments ending at once list the engine's containers about twice,
     * not 20 times one after the other.
     */
    void report() {
        long request = requests.incrementAndGet();
        reporting.lock();
        try {
            if (reported >= request) {
                return;
            }
            // Every request made so far is answered by this report: it reads the engine after all of them.
            long answering = requests.get();
            gateway.accept(status());
            reported = answering;
            if (failureLogged.compareAndSet(true, false)) {
                LOG.info("The engine's reports reach the gateway again");
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; the next report says the same and more.
            if (failureLogged.compareAndSet(false, true)) {
                LOG.warnf("Engine report not stored (trying again every %s): %s", interval, e.getMessage());
            }
        } finally {
            reporting.unlock();
        }
    }

    private WorkerStatus status() {
        Instant at = Clock.systemUTC().instant();
        List<WorkerStatus.ProcessContainer> processes;
        String engineError = null;
        try {
            processes = WorkerHeartbeat.processes(runtime);
        } catch (RuntimeException e) {
            processes = List.of();
            engineError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new WorkerStatus(
                WorkerStatus.EMBEDDED_WORKER,
                Channels.DEFAULT_POOL,
                runtime.engine().describe(),
                at,
                List.of(),
                processes,
                engineError,
                runtime.engine().enforcesLimits());
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
