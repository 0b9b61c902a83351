package io.slipway.gateway;

import java.time.Duration;
import java.util.Optional;

/**
 * An app's own settings, changed with {@code PATCH /api/v1/apps/{app}}.
 *
 * @param taskTimeoutSeconds the default timeout of each task of the app's deployments; a deploy
 *     request's own {@code taskTimeoutSeconds} overrides it; null for the engine's default
 * @param limits the memory and CPU the app's task and process containers may use; null for none
 * @param network the shared network the app's build, tasks and processes join instead of the app's own; null for
 *     its own
 */
public record AppSettings(Long taskTimeoutSeconds, LimitsSettings limits, String network) {

    /**
     * @throws InvalidRequestException when the timeout is not 1 to {@link TaskTimeout#MAX_SECONDS} seconds, or the
     *     network is not a name {@link SharedNetwork} accepts
     */
    public AppSettings {
        TaskTimeout.ofSeconds(taskTimeoutSeconds);
        SharedNetwork.check(network);
    }

    public Optional<Duration> taskTimeout() {
        return TaskTimeout.ofSeconds(taskTimeoutSeconds);
    }

    public Optional<String> sharedNetwork() {
        return Optional.ofNullable(network);
    }
}
