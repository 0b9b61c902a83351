package io.slipway.engine.pipeline;

import io.slipway.contract.LogStream;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Retires replaced containers after their deployment ended, off the app's lane: a deployment is over once its release
 * serves, and the next one of the app starts without waiting for the previous release to go. Until its retirement
 * runs, a container is pending: the steps that count what runs ({@link ScaleProcessesStep}, {@link SwitchReleaseStep})
 * leave it out, so no later deployment keeps or retires it a second time. Each retirement ends with a line per
 * container in the log of the deployment's last phase and its {@code Retired} event, whatever became of them.
 */
public final class Retirements implements AutoCloseable {

    /** Runs a retirement once its delay has passed, on a thread that is not the app's lane. */
    public interface Timer {
        void after(Duration delay, Runnable task);
    }

    private final ContainerRuntime runtime;
    private final ContainerRemoval removal;
    private final Clock clock;
    private final Timer timer;
    private final Runnable close;
    /** App by container id, while the container waits for its retirement. */
    private final Map<String, String> pending = new ConcurrentHashMap<>();

    public Retirements(ContainerRuntime runtime, Duration stopGrace, Clock clock, Timer timer) {
        this(runtime, stopGrace, clock, timer, () -> {});
    }

    private Retirements(ContainerRuntime runtime, Duration stopGrace, Clock clock, Timer timer, Runnable close) {
        this.runtime = runtime;
        this.removal = new ContainerRemoval(runtime, stopGrace);
        this.clock = clock;
        this.timer = timer;
        this.close = close;
    }

    /** On a daemon thread of their own, one retirement at a time (each stops its containers in parallel). */
    public static Retirements onTheirOwnThread(ContainerRuntime runtime, Duration stopGrace, Clock clock) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "slipway-retire");
            thread.setDaemon(true);
            return thread;
        });
        Timer timer = (delay, task) -> scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        return new Retirements(runtime, stopGrace, clock, timer, scheduler::shutdownNow);
    }

    /** Retires {@code retirement}'s containers at its due time (at once when that has passed). */
    public void schedule(Retirement retirement, EventRecorder events) {
        retirement.containers().forEach(id -> pending.put(id, retirement.app()));
        Duration delay = Duration.between(clock.instant(), retirement.due());
        timer.after(delay.isNegative() ? Duration.ZERO : delay, () -> retire(retirement, events));
    }

    /** The ids of {@code app}'s containers that wait for their retirement. */
    public Set<String> pendingOf(String app) {
        return pending.entrySet().stream()
                .filter(entry -> entry.getValue().equals(app))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    private void retire(Retirement retirement, EventRecorder events) {
        List<String> lines = new ArrayList<>();
        try {
            List<ContainerInfo> present = runtime.listContainers(ContainerLabels.processesOf(retirement.app())).stream()
                    .filter(container -> retirement.containers().contains(container.id()))
                    .toList();
            List<Optional<String>> outcomes = removal.stopAndRemoveEach(present);
            for (int i = 0; i < present.size(); i++) {
                String name = present.get(i).name();
                lines.add(outcomes.get(i)
                        .map(why -> "could not retire " + name + " of the previous release: " + why)
                        .orElse("retired " + name + " of the previous release"));
            }
            int gone = retirement.containers().size() - present.size();
            if (gone > 0) {
                lines.add(gone + " container(s) of the previous release were gone already");
            }
        } catch (ContainerRuntimeException e) {
            // It stays: the app's next deployment retires every container that is not its own.
            lines.add("could not list the previous release's containers: " + e.getMessage());
        } catch (RuntimeException e) {
            // A bug must still end the retirement, and say what happened.
            lines.add("internal error while retiring the previous release: " + e);
        } finally {
            retirement.containers().forEach(pending::remove);
        }
        lines.forEach(line -> events.log(Phase.last(), LogStream.SYSTEM, line));
        events.retired();
    }

    @Override
    public void close() {
        close.run();
    }
}
