package io.slipway.gateway.service;

import io.slipway.contract.DeploymentEvent;
import io.slipway.gateway.messaging.DeploymentEventSink;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
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
 *
 * <p>A batch the database refuses (a full disk, a closed or unreachable database) is kept and tried again until it is
 * stored, in embedded and remote mode alike: nothing is dropped, and what follows storing an event (the live log,
 * the end of a deployment, its webhooks and release retention) waits for it. While writes fail, readiness says so
 * ({@link DatabaseWrites}), and the {@link EventBacklog} holds the inbox back.
 */
@ApplicationScoped
public class DeploymentEventLanes implements DeploymentEventSink {

    private static final Logger LOG = Logger.getLogger(DeploymentEventLanes.class);

    /** Big enough to make a flood of lines cheap to store, small enough to keep the turns short. */
    static final int BATCH_SIZE = 500;

    /** Deployments whose batches are stored at once; the engine runs a few deployments at a time. */
    private static final int WRITERS = 4;

    /** The first wait before a batch the database refused is tried again; it doubles up to the longest. */
    static final long FIRST_RETRY_PAUSE_MS = 100;

    /** The longest wait between two tries of a batch the database refused. */
    static final long MAX_RETRY_PAUSE_MS = 2000;

    /**
     * Events waiting to be stored past which the inbox takes no more: ten batches, a few MB of lines. The embedded
     * engine's publisher holds a deployment back long before (its window of unacknowledged events).
     */
    static final int MAX_WAITING = 10 * BATCH_SIZE;

    private final DeploymentEventStore store;
    private final DeploymentLogs logs;
    private final DeploymentEnds ends;
    private final DatabaseWrites writes;
    private final EventBacklog backlog = new EventBacklog(MAX_WAITING);
    private final ExecutorService writers;
    /** Guarded by itself; a lane is here while it has events to store or is storing them. */
    private final Map<String, Queue<Message<DeploymentEvent>>> lanes = new HashMap<>();

    public DeploymentEventLanes(
            DeploymentEventStore store, DeploymentLogs logs, DeploymentEnds ends, DatabaseWrites writes) {
        this.store = store;
        this.writes = writes;
        this.logs = logs;
        this.ends = ends;
        AtomicInteger count = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(WRITERS, task -> {
            Thread thread = new Thread(task, "slipway-event-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return completes when the inbox may take the next event: at once, unless too many wait to be stored */
    @Override
    public CompletionStage<Void> add(Message<DeploymentEvent> event) {
        String deploymentId = event.getPayload().deploymentId();
        boolean idle;
        synchronized (lanes) {
            idle = !lanes.containsKey(deploymentId);
            lanes.computeIfAbsent(deploymentId, id -> new ArrayDeque<>()).add(event);
        }
        CompletionStage<Void> room = backlog.added();
        if (idle) {
            writers.execute(() -> storeNextBatch(deploymentId));
        }
        return room;
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
        long pause = FIRST_RETRY_PAUSE_MS;
        int tries = 0;
        try {
            while (true) {
                tries++;
                try {
                    List<DeploymentEvent> applied = store.apply(events);
                    writes.succeeded();
                    if (tries > 1) {
                        LOG.infof(
                                "Stored %d events of deployment %s at try %d",
                                batch.size(), events.get(0).deploymentId(), tries);
                    }
                    applied(applied);
                    batch.forEach(Message::ack);
                    return;
                } catch (RuntimeException e) {
                    writes.failed(e);
                    if (tries == 1) {
                        LOG.errorf(
                                e,
                                "Cannot store %d events of deployment %s: keeping them, and trying again until stored",
                                batch.size(),
                                events.get(0).deploymentId());
                    }
                    if (!pause(pause)) {
                        // The gateway stops: nothing here can store them any more.
                        batch.forEach(event -> event.nack(e));
                        return;
                    }
                    pause = nextPause(pause);
                }
            }
        } finally {
            backlog.removed(batch.size());
        }
    }

    static long nextPause(long pause) {
        return Math.min(pause * 2, MAX_RETRY_PAUSE_MS);
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
                ends.ended(finished);
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
