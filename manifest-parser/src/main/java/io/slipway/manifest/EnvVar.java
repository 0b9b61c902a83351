package io.slipway.manifest;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of app.json's {@code env}, in Heroku's schema. The string shorthand {@code "NAME": "value"}
 * is an entry with only a value.
 *
 * @param required Heroku's default is {@code true}
 * @param generator {@code "secret"} asks for a generated value
 */
public record EnvVar(
        Optional<String> value, Optional<String> description, boolean required, Optional<String> generator) {

    static final boolean REQUIRED_BY_DEFAULT = true;

    public EnvVar {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(generator, "generator");
    }

    static EnvVar withValue(String value) {
        return new EnvVar(Optional.of(value), Optional.empty(), REQUIRED_BY_DEFAULT, Optional.empty());
    }
}
