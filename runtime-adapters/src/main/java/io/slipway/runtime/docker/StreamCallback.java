package io.slipway.runtime.docker;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.IOException;
import java.util.Optional;

/**
 * A docker-java stream callback that keeps its failure for the caller, instead of logging a stack
 * trace at error level as docker-java's own callbacks do.
 */
abstract class StreamCallback<T> extends ResultCallback.Adapter<T> {

    private volatile Throwable failure;
    private volatile boolean completed;

    @Override
    public void onComplete() {
        completed = true;
        super.onComplete();
    }

    /**
     * An error after completion is ignored: closing a finished stream interrupts docker-java's reader
     * thread, which may then fail to close a connection it no longer needs.
     */
    @Override
    public void onError(Throwable throwable) {
        if (!completed) {
            failure = throwable;
        }
        abandon();
    }

    /** Closes the stream, which ends the request on the engine's side too; used when giving up on it. */
    void abandon() {
        try {
            close();
        } catch (IOException ignored) {
            // Giving up on the stream anyway; there is nothing left to do with it.
        }
    }

    Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }
}
