package io.slipway.engine.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One check a new web container must pass before it gets traffic, with every default applied.
 *
 * @param name how the log and a failure name it
 * @param kind what is checked
 * @param path the HTTP path, with a query if any (kind {@link Kind#HTTP}); the host is always the container's
 * @param scheme {@code http} or {@code https}
 * @param port the container port checked; the process's {@code PORT} unless app.json names another
 * @param content text the HTTP answer's body must contain, if any
 * @param command the command run inside the container (kind {@link Kind#COMMAND})
 * @param attempts how many attempts before the check fails
 * @param pause the pause between two attempts (app.json's {@code wait})
 * @param timeout how long one attempt may take
 * @param initialDelay how long to wait after the start before the first attempt
 * @param httpHeaders headers the HTTP request carries
 */
record WebCheck(
        String name,
        Kind kind,
        String path,
        String scheme,
        int port,
        Optional<String> content,
        List<String> command,
        int attempts,
        Duration pause,
        Duration timeout,
        Duration initialDelay,
        Map<String, String> httpHeaders) {

    enum Kind {
        /** An HTTP request to the container's published address. */
        HTTP,
        /** A command inside the container must exit 0. */
        COMMAND,
        /** The port must accept a TCP connection. */
        LISTENING,
        /** The container must stay up, unrestarted, for {@code initialDelay}: nothing is probed. */
        UPTIME
    }

    WebCheck {
        command = List.copyOf(command);
        httpHeaders = Map.copyOf(httpHeaders);
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    String describe() {
        return switch (kind) {
            case HTTP ->
                scheme + "://…:" + port + path
                        + content.map(text -> " expecting \"" + text + "\"").orElse("");
            case COMMAND -> "command " + String.join(" ", command);
            case LISTENING -> "port " + port + " accepts connections";
            case UPTIME -> "up for " + initialDelay.toSeconds() + "s";
        };
    }
}
