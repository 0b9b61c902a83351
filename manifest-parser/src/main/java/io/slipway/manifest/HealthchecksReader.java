package io.slipway.manifest;

import io.slipway.manifest.JsonValue.JsonArray;
import io.slipway.manifest.JsonValue.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code healthchecks}: process type to a list of Dokku health checks. Leniently, like the other sections,
 * except for the parts that go into an HTTP request ({@link HttpCheckRules}): a value those rules refuse is an error.
 */
final class HealthchecksReader {

    static final String HEALTHCHECKS = "healthchecks";

    private final LenientValues values;
    private final ProblemCollector problems;

    HealthchecksReader(LenientValues values, ProblemCollector problems) {
        this.values = values;
        this.problems = problems;
    }

    Map<String, List<HealthCheck>> read(Optional<Member> healthchecks) {
        Map<String, List<HealthCheck>> checks = new LinkedHashMap<>();
        healthchecks
                .flatMap(member -> values.object(member.value(), HEALTHCHECKS))
                .ifPresent(object -> {
                    for (Member process : object.members().values()) {
                        String path = JsonPath.key(HEALTHCHECKS, process.key());
                        values.array(process.value(), path)
                                .ifPresent(array -> checks.put(process.key(), checks(array, path)));
                    }
                });
        return checks;
    }

    private List<HealthCheck> checks(JsonArray array, String path) {
        List<HealthCheck> checks = new ArrayList<>();
        for (int i = 0; i < array.items().size(); i++) {
            String checkPath = JsonPath.index(path, i);
            values.object(array.items().get(i), checkPath)
                    .map(object -> check(new FieldReader(object, checkPath)))
                    .ifPresent(checks::add);
        }
        return List.copyOf(checks);
    }

    private HealthCheck check(FieldReader fields) {
        return new HealthCheck(
                fields.read("type", values::string),
                fields.read("name", values::string),
                fields.read("description", values::string),
                fields.read("path", values::string, HttpCheckRules::path, problems),
                fields.read("scheme", values::string, HttpCheckRules::scheme, problems),
                fields.read("port", values::count, HttpCheckRules::port, problems),
                fields.read("content", values::string),
                fields.read("command", values::strings).orElse(List.of()),
                fields.read("listening", values::bool),
                fields.read("attempts", values::count),
                fields.read("timeout", values::count),
                fields.read("wait", values::count),
                fields.read("initialDelay", values::count),
                fields.read("uptime", values::count),
                fields.read("warn", values::bool),
                fields.read("httpHeaders", this::headers).orElse(Map.of()));
    }

    /** Dokku's {@code [{"name": "X-Check", "value": "1"}]}; an entry without both strings is skipped. */
    private Optional<Map<String, String>> headers(JsonValue value, String path) {
        return values.array(value, path).map(array -> {
            HttpCheckRules.headerCount(array.items().size())
                    .ifPresent(problem -> problems.error(array.position(), path, problem));
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i < array.items().size(); i++) {
                String itemPath = JsonPath.index(path, i);
                values.object(array.items().get(i), itemPath).ifPresent(object -> {
                    FieldReader header = new FieldReader(object, itemPath);
                    Optional<String> name = header.read("name", values::string, HttpCheckRules::headerName, problems);
                    Optional<String> headerValue =
                            header.read("value", values::string, HttpCheckRules::headerValue, problems);
                    if (name.isPresent() && headerValue.isPresent()) {
                        headers.put(name.get(), headerValue.get());
                    }
                });
            }
            return headers;
        });
    }
}
