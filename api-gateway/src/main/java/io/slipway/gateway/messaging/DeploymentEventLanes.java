package io.slipway.gateway.messaging;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentStatus;
import io.slipway.gateway.config.GatewayConfig;
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

    /** The longest wait between two tries of a batch the database refused, in remote mode. */
    private static final long MAX_RETRY_PAUSE_MS = 5000;

    private final DeploymentEventStore store;
    private final DeploymentLogs logs;
    private final BuildContexts contexts;
    private final ReleaseRetention retention;
    private final ExecutorService writers;
    /** Guarded by itself; a lane is here while it has events to store or is storing them. */
    private final Map<String, Queue<Message<DeploymentEvent>>> lanes = new HashMap<>();

    /**
     * In remote mode a batch the database refused is tried again until it is stored: the broker redelivers nothing
     * that was handed over, and a refused event would stop the channel.
     */
    private final boolean retryRefused;

    public DeploymentEventLanes(
            DeploymentEventStore store,
            DeploymentLogs logs,
            BuildContexts contexts,
            ReleaseRetention retention,
            GatewayConfig config) {
        this.retryRefused = config.engine().isRemote();
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
        List<DeploymentEvent> events = batch.stream().map(Message::getPayload).toList();
        long pause = 100;
        while (true) {
            try {
                applied(store.apply(events));
                batch.forEach(Message::ack);
                return;
            } catch (RuntimeException e) {
                if (pause == 100) {
                    LOG.errorf(
                            e,
                            "Cannot store %d events of deployment %s",
                            batch.size(),
                            events.get(0).deploymentId());
                }
                if (!retryRefused || !pause(pause)) {
                    batch.forEach(event -> event.nack(e));
                    return;
                }
                pause = Math.min(pause * 2, MAX_RETRY_PAUSE_MS);
            }
        }
    }

    /** @return false when interrupted (the gateway stops) */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Applies events that did not come over a channel (a lost worker's synthesized end) at once, in the caller's
     * thread, with what follows storing them; each is applied once, however many replicas try.
     *
     * @return the events that were new and applied
     */
    public List<DeploymentEvent> applyNow(List<DeploymentEvent> events) {
        return applied(store.apply(events));
    }

    private List<DeploymentEvent> applied(List<DeploymentEvent> applied) {
        applied.forEach(this::afterStored);
        return applied;
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
