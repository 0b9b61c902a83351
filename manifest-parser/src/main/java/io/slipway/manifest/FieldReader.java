package io.slipway.manifest;

import io.slipway.manifest.JsonValue.JsonObject;
import io.slipway.manifest.JsonValue.Member;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Reads the fields of one object with {@link LenientValues}, each with its own path; unknown fields are ignored. */
final class FieldReader {

    private final JsonObject object;
    private final String path;

    FieldReader(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    <T> Optional<T> read(String key, BiFunction<JsonValue, String, Optional<T>> reader) {
        return object.member(key).map(Member::value).flatMap(value -> reader.apply(value, JsonPath.key(path, key)));
    }

    /**
     * Like {@link #read(String, BiFunction)}, and then a value {@code rule} refuses is an error at that value,
     * read as absent. {@code rule} answers the problem, or empty when the value is fine.
     */
    <T> Optional<T> read(
            String key,
            BiFunction<JsonValue, String, Optional<T>> reader,
            Function<T, Optional<String>> rule,
            ProblemCollector problems) {
        return object.member(key).map(Member::value).flatMap(value -> {
            String valuePath = JsonPath.key(path, key);
            return reader.apply(value, valuePath).filter(read -> {
                Optional<String> problem = rule.apply(read);
                problem.ifPresent(message -> problems.error(value.position(), valuePath, message));
                return problem.isEmpty();
            });
        });
    }
}
