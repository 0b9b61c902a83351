package io.slipway.engine.service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The acknowledgements of start commands that are not settled yet, by deployment id. A start is acknowledged
 * (its Kafka offset may be committed) only once it is settled: its claim granted or refused, or it was
 * cancelled. A worker that dies with starts still queued thus leaves them to be delivered again to the pool's
 * other workers. A start delivered again is acknowledged with the first delivery, or at once when that one
 * was settled already.
 */
public final class PendingAcks {

    private static final int REMEMBERED_IDS = 10_000;

    private final Map<String, Runnable> pending = new HashMap<>();
    private final Map<String, Boolean> settled = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };

    /** Holds {@code ack} until the deployment is settled; runs it at once if it is. */
    public void hold(String deploymentId, Runnable ack) {
        synchronized (this) {
            if (!settled.containsKey(deploymentId)) {
                pending.merge(deploymentId, ack, (first, again) -> () -> {
                    first.run();
                    again.run();
                });
                return;
            }
        }
        ack.run();
    }

    /** Acknowledges every delivery of the deployment's start, and any later one as it comes. */
    public void settle(String deploymentId) {
        Runnable ack;
        synchronized (this) {
            settled.put(deploymentId, Boolean.TRUE);
            ack = pending.remove(deploymentId);
        }
        if (ack != null) {
            ack.run();
        }
    }
}
