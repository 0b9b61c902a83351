package io.slipway.contract;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-off command in a new container of an app's current release, decided by the gateway before it is sent.
 *
 * @param runId the run's id
 * @param image the app's current release image
 * @param command the command as asked for; a Procfile process name runs that entry's command instead
 * @param procfile the release's Procfile text; null when it has none
 * @param env the app's config with the request's variables over it: secrets, applied, never logged or stored by
 *     the engine
 * @param timeout the run is killed after it; empty for the engine's task timeout
 * @param limits the memory and CPU the container may use (the app's task limits)
 * @param network the shared network the app joins instead of its own; empty for its own
 * @param interactive a console: the run waits for its client to attach ({@link RunConsoles}) and runs with a TTY
 */
public record RunOrder(
        String runId,
        String app,
        String image,
        String command,
        String procfile,
        Map<String, String> env,
        Optional<Duration> timeout,
        Limits limits,
        Optional<String> network,
        boolean interactive) {

    /** A run that is not interactive. */
    public RunOrder(
            String runId,
            String app,
            String image,
            String command,
            String procfile,
            Map<String, String> env,
            Optional<Duration> timeout,
            Limits limits,
            Optional<String> network) {
        this(runId, app, image, command, procfile, env, timeout, limits, network, false);
    }

    public RunOrder {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(command, "command");
        env = Map.copyOf(env);
        timeout = timeout == null ? Optional.empty() : timeout;
        limits = limits == null ? Limits.NONE : limits;
        network = network == null ? Optional.empty() : network;
    }

    /** Without the variables' values, which are secrets. */
    @Override
    public String toString() {
        return "RunOrder[runId=" + runId + ", app=" + app + ", image=" + image + ", variables=" + env.keySet()
                + (interactive ? ", interactive" : "") + "]";
    }
}
