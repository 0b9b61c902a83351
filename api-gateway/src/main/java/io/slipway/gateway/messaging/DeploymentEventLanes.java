package io.slipway.gateway.messaging;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentStatus;
import io.slipway.gateway.service.BuildContexts;
import io.slipway.gateway.service.DeploymentEventStore;
import io.slipway.gateway.service.DeploymentLogs;
import io.slipway.gateway.service.ReleaseRetention;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Stores events one lane per deployment: within a lane in order, one batch at a time, each batch in
 * one transaction, then shown to the live log followers (which rely on that order); the lanes take
 * turns batch by batch, so a deployment's status change waits for at most a few batches of another's
 * lines, never for all of them.
 */
@ApplicationScoped
public class DeploymentEventLanes {

    private static final Logger LOG = Logger.getLogger(DeploymentEventLanes.class);

    /** Big enough to make a flood of lines cheap to store, small enough to keep the turns short. */
    static final int BATCH_SIZE = 500;

    /** Deployments whose batches are stored at once; the engine runs a few deployments at a time. */
    private static final int WRITERS = 4;

    private final DeploymentEventStore store;
    private final DeploymentLogs logs;
    private final BuildContexts contexts;
    private final ReleaseRetention retention;
    private final ExecutorService writers;
    /** Guarded by itself; a lane is here while it has events to store or is storing them. */
    private final Map<String, Queue<Message<DeploymentEvent>>> lanes = new HashMap<>();

    public DeploymentEventLanes(
            DeploymentEventStore store, DeploymentLogs logs, BuildContexts contexts, ReleaseRetention retention) {
        this.store = store;
        this.logs = logs;
        this.contexts = contexts;
        this.retention = retention;
        AtomicInteger count = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(WRITERS, task -> {
            Thread thread = new Thread(task, "slipway-event-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void add(Message<DeploymentEvent> event) {
        String deploymentId = event.getPayload().deploymentId();
        boolean idle;
        synchronized (lanes) {
            idle = !lanes.containsKey(deploymentId);
            lanes.computeIfAbsent(deploymentId, id -> new ArrayDeque<>()).add(event);
        }
        if (idle) {
            writers.execute(() -> storeNextBatch(deploymentId));
        }
    }

    private void storeNextBatch(String deploymentId) {
        List<Message<DeploymentEvent>> batch = new ArrayList<>(BATCH_SIZE);
        synchronized (lanes) {
            Queue<Message<DeploymentEvent>> lane = lanes.get(deploymentId);
            while (batch.size() < BATCH_SIZE && !lane.isEmpty()) {
                batch.add(lane.poll());
            }
        }
        store(batch);
        synchronized (lanes) {
            if (lanes.get(deploymentId).isEmpty()) {
                lanes.remove(deploymentId);
                return;
            }
        }
        // Behind the batches of the other lanes that wait.
        writers.execute(() -> storeNextBatch(deploymentId));
    }

    private void store(List<Message<DeploymentEvent>> batch) {
        List<DeploymentEvent> applied;
        try {
            applied = store.apply(batch.stream().map(Message::getPayload).toList());
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "Cannot store %d events of deployment %s",
                    batch.size(),
                    batch.get(0).getPayload().deploymentId());
            batch.forEach(event -> event.nack(e));
            return;
        }
        applied.forEach(this::afterStored);
        batch.forEach(Message::ack);
    }

    private void afterStored(DeploymentEvent event) {
        try {
            logs.publish(event);
            if (event instanceof DeploymentEvent.Finished finished) {
                contexts.delete(event.deploymentId());
                if (finished.status() == DeploymentStatus.SUCCEEDED) {
                    retention.pruneReleasesOf(finished.app());
                }
            }
        } catch (RuntimeException e) {
            // Stored already: what is left undone here must not make the channel deliver it again.
            LOG.errorf(e, "After storing event %d of deployment %s", event.seq(), event.deploymentId());
        }
    }

    @PreDestroy
    void stop() {
        writers.shutdownNow();
    }
}
