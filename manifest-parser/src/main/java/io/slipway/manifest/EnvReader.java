package io.slipway.manifest;

import io.slipway.manifest.JsonValue.JsonObject;
import io.slipway.manifest.JsonValue.Member;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code env}: each variable is an object in Heroku's schema or the shorthand {@code "NAME": "value"};
 * a number or boolean in place of the string (as in {@code "DEBUG": true}) is read as its text.
 */
final class EnvReader {

    static final String ENV = "env";

    private final LenientValues values;

    EnvReader(LenientValues values) {
        this.values = values;
    }

    Map<String, EnvVar> read(Optional<Member> env) {
        Map<String, EnvVar> variables = new LinkedHashMap<>();
        env.flatMap(member -> values.object(member.value(), ENV)).ifPresent(object -> {
            for (Member variable : object.members().values()) {
                variable(variable.value(), JsonPath.key(ENV, variable.key()))
                        .ifPresent(parsed -> variables.put(variable.key(), parsed));
            }
        });
        return variables;
    }

    private Optional<EnvVar> variable(JsonValue value, String path) {
        if (value instanceof JsonObject object) {
            FieldReader fields = new FieldReader(object, path);
            return Optional.of(new EnvVar(
                    fields.read("value", values::string),
                    fields.read("description", values::string),
                    fields.read("required", values::bool).orElse(EnvVar.REQUIRED_BY_DEFAULT),
                    fields.read("generator", values::string)));
        }
        return values.string(value, path).map(EnvVar::withValue);
    }
}
