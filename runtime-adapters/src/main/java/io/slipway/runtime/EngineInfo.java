package io.slipway.runtime;

/**
 * Which engine answered and how.
 *
 * @param kind docker or podman
 * @param version the engine's own version string
 * @param rootless whether the engine runs without root
 * @param endpoint where it was reached, e.g. {@code unix:///run/podman/podman.sock}
 * @param enforcesLimits whether the engine can hold containers to {@link ResourceLimits}, as it reports itself
 *     (rootless Podman on cgroup v1 has no cgroup controllers, and cannot)
 */
public record EngineInfo(EngineKind kind, String version, boolean rootless, String endpoint, boolean enforcesLimits) {

    /** An engine that enforces limits. */
    public EngineInfo(EngineKind kind, String version, boolean rootless, String endpoint) {
        this(kind, version, rootless, endpoint, true);
    }

    /** A one-line description for health checks and logs, e.g. {@code podman 4.3.1 (rootless)}. */
    public String describe() {
        return kind.id() + " " + version + (rootless ? " (rootless)" : " (rootful)") + " at " + endpoint;
    }
}
