package io.slipway.engine.pipeline;

import io.slipway.runtime.Cancellation;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * One lane per app: an app's deployments, and other work on its containers, run one at a time, in the order they
 * arrived; different apps' lanes run side by side. A deployment id is accepted once, so a redelivered request never
 * runs a deployment twice.
 */
public final class AppLanes {

    /** Work in an app's lane; a deployment's sees its cancellation. */
    @FunctionalInterface
    public interface Job {
        void run(Cancellation cancellation);
    }

    private static final int REMEMBERED_IDS = 10_000;

    private final Executor executor;
    private final Map<String, ArrayDeque<Queued>> waiting = new HashMap<>();
    private final Map<String, Queued> running = new HashMap<>();
    private final Map<String, Boolean> accepted = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };

    /** A job in a lane; {@code deploymentId} is empty for work that is no deployment. */
    private record Queued(String deploymentId, Job job, Cancellation cancellation) {}

    public AppLanes(Executor executor) {
        this.executor = executor;
    }

    /** @return false when this deployment id was already accepted (a redelivery) */
    public synchronized boolean submit(String app, String deploymentId, Job deployment) {
        if (accepted.putIfAbsent(deploymentId, Boolean.TRUE) != null) {
            return false;
        }
        enqueue(app, new Queued(deploymentId, deployment, new Cancellation()));
        return true;
    }

    /** Runs {@code action} in the app's lane, after the deployments queued before it. */
    public synchronized void runInLane(String app, Runnable action) {
        enqueue(app, new Queued("", cancellation -> action.run(), new Cancellation()));
    }

    private void enqueue(String app, Queued job) {
        waiting.computeIfAbsent(app, key -> new ArrayDeque<>()).add(job);
        if (!running.containsKey(app)) {
            startNext(app);
        }
    }

    /**
     * Cancels the running deployment with this id, or takes a queued one out of its lane and runs it at once, here,
     * already cancelled: it reports its own end without waiting for its turn.
     *
     * @return whether a queued or running deployment with this id was found and cancelled
     */
    public boolean cancel(String deploymentId) {
        Optional<Queued> dequeued;
        synchronized (this) {
            for (Queued run : running.values()) {
                if (run.deploymentId().equals(deploymentId)) {
                    run.cancellation().cancel();
                    return true;
                }
            }
            dequeued = removeWaiting(deploymentId);
        }
        dequeued.ifPresent(job -> {
            job.cancellation().cancel();
            job.job().run(job.cancellation());
        });
        return dequeued.isPresent();
    }

    public synchronized int activeLanes() {
        return running.size();
    }

    private Optional<Queued> removeWaiting(String deploymentId) {
        for (ArrayDeque<Queued> queue : waiting.values()) {
            for (Iterator<Queued> it = queue.iterator(); it.hasNext(); ) {
                Queued job = it.next();
                if (job.deploymentId().equals(deploymentId)) {
                    it.remove();
                    return Optional.of(job);
                }
            }
        }
        return Optional.empty();
    }

    private void startNext(String app) {
        ArrayDeque<Queued> queue = waiting.get(app);
        Queued next = queue == null ? null : queue.poll();
        if (next == null) {
            waiting.remove(app);
            running.remove(app);
            return;
        }
        running.put(app, next);
        executor.execute(() -> {
            try {
                next.job().run(next.cancellation());
            } finally {
                synchronized (this) {
                    running.remove(app);
                    startNext(app);
                }
            }
        });
    }
}
