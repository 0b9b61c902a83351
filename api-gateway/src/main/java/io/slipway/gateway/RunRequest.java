package io.slipway.gateway;

import java.util.Map;

/**
 * A one-off run, as a client asks for it; checked by {@link RunRequestCheck} before anything is stored.
 *
 * @param command a shell command, or a process type of the release's Procfile to run that entry's command
 * @param timeoutSeconds the run is killed after it; the app's task timeout, else the engine's, when absent
 * @param env variables for this run only, over the app's config: never stored, never logged
 * @param interactive a console: the run waits for its client to attach to {@code /api/v1/runs/{id}/attach}
 */
public record RunRequest(String command, Long timeoutSeconds, Map<String, String> env, Boolean interactive) {

    public boolean isInteractive() {
        return Boolean.TRUE.equals(interactive);
    }

    public Map<String, String> variables() {
        return env == null ? Map.of() : env;
    }
}
