package io.slipway.runtime.docker;

import com.github.dockerjava.api.model.WaitResponse;
import java.util.Optional;

/**
 * Receives a container's exit code from a wait. Unlike docker-java's own wait callback it lets the
 * caller see an interrupt instead of turning it into an exception with an empty message.
 */
final class ExitCodeCallback extends StreamCallback<WaitResponse> {

    private volatile Integer exitCode;

    @Override
    public void onNext(WaitResponse response) {
        exitCode = response.getStatusCode();
    }

    Optional<Integer> exitCode() {
        return Optional.ofNullable(exitCode);
    }
}
