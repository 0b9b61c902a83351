package io.slipway.gateway;

import java.time.Duration;
import java.util.Optional;

/**
 * A task timeout as requests give it, on an app, in a deploy request or as a query parameter: whole seconds up to a
 * day, or null for "the default". A day bounds what a stored value can do to every later deployment of the app.
 */
public final class TaskTimeout {

    public static final long MAX_SECONDS = 86_400;

    private TaskTimeout() {}

    /** @throws InvalidRequestException when {@code seconds} is not from 1 to {@link #MAX_SECONDS} */
    public static Optional<Duration> ofSeconds(Long seconds) {
        if (seconds != null && (seconds < 1 || seconds > MAX_SECONDS)) {
            throw new InvalidRequestException(
                    "taskTimeoutSeconds: from 1 to " + MAX_SECONDS + " seconds, not " + seconds);
        }
        return Optional.ofNullable(seconds).map(Duration::ofSeconds);
    }
}
