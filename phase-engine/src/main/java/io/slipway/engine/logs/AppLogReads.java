package io.slipway.engine.logs;

import io.slipway.contract.AppLogEvent;
import io.slipway.contract.AppLogRequest;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.engine.service.DaemonThreads;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The app log reads this engine serves, whoever asked (the gateway that embeds it, or a gateway through the broker).
 *
 * <p>One timer lists the engine's process containers once per {@link #REFRESH} while any read is open, and shows
 * each read its app's: the engine is asked one list whatever the number of readers, and a read that follows moves to
 * new containers within that time. A list the engine fails ends every read with the engine's error, so that no
 * reader waits on a dead engine. A read whose lease ran out (its gateway stopped renewing it) ends, and at most
 * {@link #MAX_READS} are open at once.
 *
 * <p>Followed reads share the engine's log reads ({@link ContainerTaps}): one per container, whatever the number
 * of followers, each engine read holding one engine connection and one thread. A read without follow holds its own.
 */
@ApplicationScoped
public class AppLogReads {

    static final Duration REFRESH = Duration.ofSeconds(1);

    /** With two containers each, within the runtime's own bound of log connections. */
    static final int MAX_READS = 500;

    private static final Logger LOG = Logger.getLogger(AppLogReads.class);

    private final ContainerRuntime runtime;
    private final Clock clock = Clock.systemUTC();
    private final ContainerTaps taps;
    private final Map<String, AppLogRead> reads = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("slipway-app-logs"));

    AppLogReads(ContainerRuntime runtime) {
        this.runtime = runtime;
        this.taps = new ContainerTaps(runtime, clock);
        timer.scheduleWithFixedDelay(this::refresh, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Handles a request; what the read sends goes to {@code out}, which must not block. */
    public void handle(AppLogRequest request, Consumer<AppLogEvent> out) {
        if (request instanceof AppLogRequest.Follow follow) {
            open(follow, out);
            return;
        }
        AppLogRead read = request instanceof AppLogRequest.Stop
                ? reads.remove(request.requestId())
                : reads.get(request.requestId());
        if (read == null) {
            return;
        }
        if (request instanceof AppLogRequest.Stop) {
            read.stop();
        } else {
            read.renew(clock.instant());
        }
    }

    private void open(AppLogRequest.Follow follow, Consumer<AppLogEvent> out) {
        if (reads.size() >= MAX_READS) {
            out.accept(new AppLogEvent.Ended(
                    follow.requestId(), "this engine serves " + MAX_READS + " log reads already; try again later"));
            return;
        }
        AppLogRead read = new AppLogRead(follow, runtime, taps, out, clock.instant());
        if (reads.putIfAbsent(follow.requestId(), read) != null) {
            return;
        }
        out.accept(new AppLogEvent.Opened(follow.requestId()));
        // On the timer's thread, as every later list: one read's lines never start on the caller's.
        timer.execute(() -> show(read));
    }

    private void show(AppLogRead read) {
        try {
            read.containers(runtime.listContainers(ContainerLabels.processesOf(read.app())));
        } catch (RuntimeException e) {
            read.end("the engine did not list the app's containers: " + e.getMessage());
        }
        forgetIfEnded(read);
    }

    private void refresh() {
        taps.sweep();
        if (reads.isEmpty()) {
            return;
        }
        try {
            List<ContainerInfo> processes;
            try {
                processes = runtime.listContainers(ContainerLabels.allProcesses());
            } catch (RuntimeException e) {
                reads.values().forEach(read -> read.end("the engine did not list the containers: " + e.getMessage()));
                reads.clear();
                return;
            }
            Map<String, List<ContainerInfo>> byApp = processes.stream()
                    .collect(Collectors.groupingBy(
                            container -> container.labels().get(ContainerLabels.APP)));
            for (AppLogRead read : reads.values()) {
                if (read.expired(clock.instant())) {
                    read.end("the log read was not renewed within its lease");
                } else {
                    read.containers(byApp.getOrDefault(read.app(), List.of()));
                }
                forgetIfEnded(read);
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again.
            LOG.warnf("Refreshing the app log reads failed: %s", e.getMessage());
        }
    }

    /** The engine log reads that followed reads hold now: one per container followed, whatever the followers. */
    public long sharedEngineReads() {
        return taps.engineReads();
    }

    private void forgetIfEnded(AppLogRead read) {
        if (read.ended()) {
            reads.values().remove(read);
        }
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
        reads.values().forEach(read -> read.end("the engine is stopping"));
        reads.clear();
        taps.close();
    }
}
