package io.slipway.engine.service;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A task that many asks run once: an ask while the task is queued and not yet started is answered by that run. The
 * engine's reports are asked for at every change of what a worker runs, and 2 000 deployments ending in a row
 * queued 2 000 reports, each listing the engine: they kept it busy, several a second, for many minutes after the
 * last change. Asks made after a run started queue the next run, which sees their change.
 */
final class QueuedOnce {

    private final Executor executor;
    private final Runnable task;
    private final AtomicBoolean queued = new AtomicBoolean();

    QueuedOnce(Executor executor, Runnable task) {
        this.executor = executor;
        this.task = task;
    }

    void ask() {
        if (queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                // Cleared before the task reads anything, so an ask made from now on queues another run.
                queued.set(false);
                task.run();
            });
        }
    }
}
