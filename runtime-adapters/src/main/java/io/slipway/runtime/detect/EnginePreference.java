package io.slipway.runtime.detect;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which engines an operator lets Slipway use ({@code SLIPWAY_RUNTIME}). */
public enum EnginePreference {
    AUTO,
    DOCKER,
    PODMAN;

    public static EnginePreference parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown container runtime '" + text + "': use one of "
                    + Arrays.stream(values()).map(EnginePreference::id).collect(Collectors.joining(", ")));
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
