package io.slipway.gateway;

import java.time.Duration;
import java.util.Optional;

/** A task timeout as requests give it: whole seconds, or null for "the default". */
final class TaskTimeout {

    private TaskTimeout() {}

    /** @throws InvalidRequestException when {@code seconds} is not positive */
    static Optional<Duration> ofSeconds(Long seconds) {
        if (seconds != null && seconds <= 0) {
            throw new InvalidRequestException("taskTimeoutSeconds: must be a positive number of seconds");
        }
        return Optional.ofNullable(seconds).map(Duration::ofSeconds);
    }
}
