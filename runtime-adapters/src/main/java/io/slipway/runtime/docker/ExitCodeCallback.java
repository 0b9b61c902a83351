package io.slipway.runtime.docker;

import com.github.dockerjava.api.model.WaitResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Receives a container's exit code from a wait.
 *
 * <p>docker-java's own {@code awaitCompletion(timeout)} closes the stream when it returns, even on
 * timeout, so a task's wait could not go on after its timeout to see the killed container stop; its
 * wait callback also turns an interrupt into an exception with an empty message.
 */
final class ExitCodeCallback extends StreamCallback<WaitResponse> {

    private static final Duration LONGEST = Duration.ofMillis(Long.MAX_VALUE);

    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Integer exitCode;

    @Override
    public void onNext(WaitResponse response) {
        exitCode = response.getStatusCode();
        ended.countDown();
    }

    @Override
    public void onError(Throwable throwable) {
        super.onError(throwable);
        ended.countDown();
    }

    @Override
    public void onComplete() {
        super.onComplete();
        ended.countDown();
    }

    /** @return whether the wait ended (with an exit code or a failure) within {@code timeout} */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        // A timeout beyond a long of milliseconds waits without end rather than overflow.
        long millis = timeout.compareTo(LONGEST) >= 0 ? Long.MAX_VALUE : timeout.toMillis();
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    Optional<Integer> exitCode() {
        return Optional.ofNullable(exitCode);
    }
}
