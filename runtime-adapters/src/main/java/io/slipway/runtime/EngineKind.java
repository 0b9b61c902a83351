package io.slipway.runtime;

import java.util.Locale;

/** The container engines Slipway has an adapter for. */
public enum EngineKind {
    DOCKER,
    PODMAN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
