package io.slipway.runtime;

/**
 * Which engine answered and how.
 *
 * @param kind docker or podman
 * @param version the engine's own version string
 * @param rootless whether the engine runs without root
 * @param endpoint where it was reached, e.g. {@code unix:///run/podman/podman.sock}
 */
public record EngineInfo(EngineKind kind, String version, boolean rootless, String endpoint) {

    /** A one-line description for health checks and logs, e.g. {@code podman 4.3.1 (rootless)}. */
    public String describe() {
        return kind.id() + " " + version + (rootless ? " (rootless)" : " (rootful)") + " at " + endpoint;
    }
}
