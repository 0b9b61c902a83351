package io.slipway.gateway;

import java.time.Duration;
import java.util.Optional;

/**
 * An app's own settings, changed with {@code PATCH /api/v1/apps/{app}}.
 *
 * @param taskTimeoutSeconds the default timeout of each task of the app's deployments; a deploy
 *     request's own {@code taskTimeoutSeconds} overrides it; null for the engine's default
 * @param limits the memory and CPU the app's task and process containers may use; null for none
 */
public record AppSettings(Long taskTimeoutSeconds, LimitsSettings limits) {

    /** @throws InvalidRequestException when the timeout is not 1 to {@link TaskTimeout#MAX_SECONDS} seconds */
    public AppSettings {
        TaskTimeout.ofSeconds(taskTimeoutSeconds);
    }

    public Optional<Duration> taskTimeout() {
        return TaskTimeout.ofSeconds(taskTimeoutSeconds);
    }
}
