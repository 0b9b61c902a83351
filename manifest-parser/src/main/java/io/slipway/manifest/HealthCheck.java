package io.slipway.manifest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One check of app.json's {@code healthchecks}, with the fields Dokku documents. Numbers are seconds or
 * counts as Dokku reads them; {@code onFailure} is not read.
 *
 * @param type {@code startup}, {@code liveness} or {@code readiness}
 * @param command the command as a list of arguments; empty when absent
 * @param waitSeconds app.json's {@code wait} (a record component cannot be named {@code wait})
 * @param httpHeaders {@code httpHeaders}, Dokku's list of {@code {"name", "value"}}, in file order
 */
public record HealthCheck(
        Optional<String> type,
        Optional<String> name,
        Optional<String> description,
        Optional<String> path,
        Optional<String> scheme,
        Optional<Integer> port,
        Optional<String> content,
        List<String> command,
        Optional<Boolean> listening,
        Optional<Integer> attempts,
        Optional<Integer> timeout,
        Optional<Integer> waitSeconds,
        Optional<Integer> initialDelay,
        Optional<Integer> uptime,
        Optional<Boolean> warn,
        Map<String, String> httpHeaders) {

    public HealthCheck {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(content, "content");
        command = List.copyOf(command);
        Objects.requireNonNull(listening, "listening");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(waitSeconds, "waitSeconds");
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(uptime, "uptime");
        Objects.requireNonNull(warn, "warn");
        httpHeaders = OrderedMaps.copyOf(httpHeaders);
    }
}
