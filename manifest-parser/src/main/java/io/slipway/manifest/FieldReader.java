package io.slipway.manifest;

import io.slipway.manifest.JsonValue.JsonObject;
import io.slipway.manifest.JsonValue.Member;
import java.util.Optional;
import java.util.function.BiFunction;

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
}
