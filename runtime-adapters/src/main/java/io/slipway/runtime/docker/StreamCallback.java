package io.slipway.runtime.docker;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A docker-java stream callback that keeps its failure for the caller, instead of logging a stack
 * trace at error level as docker-java's own callbacks do.
 */
abstract class StreamCallback<T> extends ResultCallback.Adapter<T> {

    private final CountDownLatch answered = new CountDownLatch(1);
    private volatile Throwable failure;
    private volatile boolean completed;

    @Override
    public void onStart(Closeable stream) {
        super.onStart(stream);
        answered.countDown();
    }

    @Override
    public void onComplete() {
        completed = true;
        super.onComplete();
        answered.countDown();
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
        answered.countDown();
    }

    /**
     * Waits until the engine answered the request: the stream is open, or it failed. docker-java's own
     * {@code awaitStarted} waits out its whole timeout when the request fails.
     *
     * @return whether the engine answered within {@code timeout}
     */
    boolean awaitAnswer(Duration timeout) throws InterruptedException {
        return answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
