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

    private static final Duration POLL = Duration.ofMillis(500);

    private final CountDownLatch answered = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile long lastNews = System.nanoTime();
    private volatile Throwable failure;
    private volatile boolean completed;
    private volatile boolean streamClosed;

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
        ended.countDown();
    }

    /**
     * An error after completion, or after the stream was closed, is ignored: closing a stream interrupts
     * docker-java's reader thread, which then fails with a {@code ClosedByInterruptException} that says nothing
     * about the engine (an exec whose timeout passed failed with one on rootful Podman: docker-java's own
     * {@code awaitCompletion} closes the stream when its timeout passes).
     */
    @Override
    public void onError(Throwable throwable) {
        if (!completed && !streamClosed) {
            failure = throwable;
        }
        abandon();
        answered.countDown();
        ended.countDown();
    }

    /** Marks that the stream brought something: see {@link #awaitEndUnlessIdle}. */
    protected void progressed() {
        lastNews = System.nanoTime();
    }

    /**
     * Waits for the end of the stream for as long as it keeps bringing something. A reader that is held
     * back (its consumer is slow) may take long to reach the end, and must not be cut off for it;
     * docker-java's {@code awaitCompletion} also closes the stream when its timeout passes.
     *
     * @return whether the stream ended before {@code idle} passed without news
     */
    boolean awaitEndUnlessIdle(Duration idle) throws InterruptedException {
        while (!ended.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() - lastNews > idle.toNanos()) {
                return false;
            }
        }
        return true;
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

    @Override
    public void close() throws IOException {
        streamClosed = true;
        super.close();
    }

    Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }
}
