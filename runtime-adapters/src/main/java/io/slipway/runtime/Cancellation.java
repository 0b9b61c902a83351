package io.slipway.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A one-way cancel signal shared between whoever cancels and the work that must stop. */
public final class Cancellation {

    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public static Cancellation none() {
        return new Cancellation();
    }

    /** Signals the cancel; the registered callbacks run on the calling thread. */
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        callbacks.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Runs {@code callback} when cancelled, at once if already so. The returned handle unregisters it.
     */
    public Registration onCancel(Runnable callback) {
        callbacks.add(callback);
        if (cancelled) {
            callback.run();
        }
        return () -> callbacks.remove(callback);
    }

    /** Unregisters a cancel callback; closing never throws, so it fits a try-with-resources. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
