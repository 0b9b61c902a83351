package io.slipway.gateway.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Counts the events that wait in the lanes to be stored, and holds the inbox back past a bound: while the database
 * refuses writes the events are kept and retried, and this keeps them from filling the heap. The inbox takes its next
 * event when the stage it got completes, so past the bound the broker's records stay unacknowledged, and the embedded
 * engine's publisher waits for its acknowledgements.
 */
final class EventBacklog {

    private static final CompletableFuture<Void> ROOM = CompletableFuture.completedFuture(null);

    private final int bound;
    /** Guarded by this. */
    private int waiting;
    /** Guarded by this: complete while there is room. */
    private CompletableFuture<Void> room = ROOM;

    EventBacklog(int bound) {
        this.bound = bound;
    }

    /** One more event waits; the stage completes when the inbox may take the next. */
    synchronized CompletionStage<Void> added() {
        waiting++;
        if (waiting >= bound && room.isDone()) {
            room = new CompletableFuture<>();
        }
        return room;
    }

    /** {@code count} events were stored or given up: below the bound, the inbox takes events again. */
    void removed(int count) {
        CompletableFuture<Void> full;
        synchronized (this) {
            waiting -= count;
            if (waiting >= bound || room.isDone()) {
                return;
            }
            full = room;
            room = ROOM;
        }
        full.complete(null);
    }

    synchronized int waiting() {
        return waiting;
    }
}
