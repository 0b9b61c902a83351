package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentOrder;
import io.slipway.runtime.Cancellation;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * One lane per app: an app's deployments run one at a time, in the order they arrived; different
 * apps' lanes run side by side. A deployment id is accepted once, so a redelivered request never
 * runs a deployment twice.
 */
public final class DeploymentLanes {

    /** What a lane does with a deployment when its turn comes, or when it is cancelled before. */
    public interface Work {
        void run(DeploymentOrder order, Cancellation cancellation);

        void cancelledWhileQueued(DeploymentOrder order);
    }

    private static final int REMEMBERED_IDS = 10_000;

    private final Executor executor;
    private final Work work;
    private final Map<String, ArrayDeque<Job>> waiting = new HashMap<>();
    private final Map<String, Running> running = new HashMap<>();
    private final Map<String, Boolean> accepted = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };

    private record Running(String deploymentId, Cancellation cancellation) {}

    /** A deployment, or other work on an app's containers that must not overlap its deployments. */
    private record Job(DeploymentOrder order, Runnable action) {
        String deploymentId() {
            return order == null ? "" : order.deploymentId();
        }
    }

    public DeploymentLanes(Executor executor, Work work) {
        this.executor = executor;
        this.work = work;
    }

    /** @return false when this deployment id was already accepted (a redelivery) */
    public synchronized boolean submit(DeploymentOrder order) {
        if (accepted.putIfAbsent(order.deploymentId(), Boolean.TRUE) != null) {
            return false;
        }
        enqueue(order.app(), new Job(order, null));
        return true;
    }

    /** Runs {@code action} in the app's lane, after the deployments queued before it. */
    public synchronized void runInLane(String app, Runnable action) {
        enqueue(app, new Job(null, action));
    }

    private void enqueue(String app, Job job) {
        waiting.computeIfAbsent(app, key -> new ArrayDeque<>()).add(job);
        if (!running.containsKey(app)) {
            startNext(app);
        }
    }

    /** @return whether a queued or running deployment with this id was found and cancelled */
    public boolean cancel(String deploymentId) {
        Optional<DeploymentOrder> dequeued;
        synchronized (this) {
            for (Running run : running.values()) {
                if (run.deploymentId().equals(deploymentId)) {
                    run.cancellation().cancel();
                    return true;
                }
            }
            dequeued = removeWaiting(deploymentId);
        }
        dequeued.ifPresent(work::cancelledWhileQueued);
        return dequeued.isPresent();
    }

    public synchronized int activeLanes() {
        return running.size();
    }

    private Optional<DeploymentOrder> removeWaiting(String deploymentId) {
        for (ArrayDeque<Job> queue : waiting.values()) {
            for (Iterator<Job> it = queue.iterator(); it.hasNext(); ) {
                Job job = it.next();
                if (job.deploymentId().equals(deploymentId)) {
                    it.remove();
                    return Optional.of(job.order());
                }
            }
        }
        return Optional.empty();
    }

    private void startNext(String app) {
        ArrayDeque<Job> queue = waiting.get(app);
        Job next = queue == null ? null : queue.poll();
        if (next == null) {
            waiting.remove(app);
            running.remove(app);
            return;
        }
        Cancellation cancellation = new Cancellation();
        running.put(app, new Running(next.deploymentId(), cancellation));
        executor.execute(() -> {
            try {
                if (next.order() != null) {
                    work.run(next.order(), cancellation);
                } else {
                    next.action().run();
                }
            } finally {
                synchronized (this) {
                    running.remove(app);
                    startNext(app);
                }
            }
        });
    }
}
