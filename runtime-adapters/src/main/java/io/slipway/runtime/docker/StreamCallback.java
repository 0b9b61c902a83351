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

    @Override
    public void onError(Throwable throwable) {
        failure = throwable;
        try {
            close();
        } catch (IOException ignored) {
            // The stream is being abandoned because it failed; the failure above is what matters.
        }
    }

    Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }
}
