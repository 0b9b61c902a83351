package io.slipway.engine.service;

import io.slipway.contract.RunConsoles;
import io.slipway.contract.RunEvent;
import io.slipway.contract.RunOrder;
import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.pipeline.ConsoleRun;
import io.slipway.runtime.Cancellation;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Interactive runs: each waits here for its client until {@link EngineConfig.Pipeline#runAttachTimeout()}, then ends
 * {@code CANCELLED}; an attached one runs its console on a thread of its own, outside the one-off runs' bounded pool,
 * since a console lasts as long as a person types. A run has one client: a second attach finds nothing.
 */
@ApplicationScoped
public class InteractiveRuns implements RunConsoles {

    /** Longer than an engine takes to create, attach and start a container, bounded so that a client never hangs. */
    private static final Duration OPEN_TIMEOUT = Duration.ofMinutes(2);

    private final ConsoleRun console;
    private final Duration attachTimeout;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("slipway-console-timer"));
    private final ExecutorService consoles = Executors.newCachedThreadPool(DaemonThreads.named("slipway-console"));

    public InteractiveRuns(ConsoleRun console, EngineConfig config) {
        this.console = console;
        this.attachTimeout = config.pipeline().runAttachTimeout();
    }

    /**
     * Keeps {@code order} until its client attaches; {@code ended} runs once it has ended however it ends.
     *
     * @param sink the run's events
     */
    void await(RunOrder order, Cancellation cancellation, Consumer<RunEvent> sink, Runnable ended) {
        Waiting run = new Waiting(order, cancellation, sink, ended);
        run.timeout = timer.schedule(
                () -> giveUp(run, "no client attached within " + attachTimeout.toSeconds() + " s"),
                attachTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
        waiting.put(order.runId(), run);
        // Registered once it waits, so that a cancel that came already ends it at once.
        run.cancelRegistration = cancellation.onCancel(() -> giveUp(run, "cancelled"));
    }

    private void giveUp(Waiting run, String why) {
        if (waiting.remove(run.order.runId(), run)) {
            run.timeout.cancel(false);
            try {
                console.notAttached(run.order, run.sink, why);
            } finally {
                run.ended.run();
            }
        }
    }

    /** Whether the run {@code runId} waits here for its client. */
    public boolean waits(String runId) {
        return waiting.containsKey(runId);
    }

    @Override
    public Optional<RunConsole> attach(String runId, ConsoleScreen screen) {
        Waiting run = waiting.remove(runId);
        if (run == null) {
            return Optional.empty();
        }
        run.timeout.cancel(false);
        Cancellation.Registration registration = run.cancelRegistration;
        if (registration != null) {
            registration.close();
        }
        CompletableFuture<RunConsole> opened = new CompletableFuture<>();
        consoles.execute(() -> {
            try {
                console.run(run.order, screen, run.cancellation, run.sink, opened::complete);
            } finally {
                // A console that failed before it opened never leaves its client waiting.
                opened.completeExceptionally(new IllegalStateException("the console ended before it opened"));
                run.ended.run();
            }
        });
        try {
            return Optional.of(opened.get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancellation.cancel();
            throw new IllegalStateException("attaching to run " + runId + " was interrupted");
        } catch (ExecutionException | TimeoutException e) {
            run.cancellation.cancel();
            throw new IllegalStateException("the console of run " + runId + " did not start in time");
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        consoles.shutdownNow();
    }

    /** A run that waits for its client. */
    private static final class Waiting {
        final RunOrder order;
        final Cancellation cancellation;
        final Consumer<RunEvent> sink;
        final Runnable ended;
        volatile ScheduledFuture<?> timeout;
        volatile Cancellation.Registration cancelRegistration;

        Waiting(RunOrder order, Cancellation cancellation, Consumer<RunEvent> sink, Runnable ended) {
            this.order = order;
            this.cancellation = cancellation;
            this.sink = sink;
            this.ended = ended;
        }
    }
}
