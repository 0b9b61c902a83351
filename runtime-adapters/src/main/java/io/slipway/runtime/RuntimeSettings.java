package io.slipway.runtime;

import java.util.Optional;

/**
 * How to find and use an engine. Framework-free so the adapters stay plain Java; the Quarkus
 * modules map their configuration onto it.
 *
 * @param preference {@code auto}, {@code docker} or {@code podman}
 * @param dockerHost {@code DOCKER_HOST}, when set
 * @param containerHost {@code CONTAINER_HOST}, when set
 * @param xdgRuntimeDir {@code XDG_RUNTIME_DIR}, when set (where rootless Podman keeps its socket)
 * @param network the network mode for containers Slipway creates; empty for the engine's default
 */
public record RuntimeSettings(
        String preference,
        Optional<String> dockerHost,
        Optional<String> containerHost,
        Optional<String> xdgRuntimeDir,
        Optional<String> network) {

    /** Reads the standard environment variables, as an operator would set them. */
    public static RuntimeSettings fromEnvironment(String preference, Optional<String> network) {
        return new RuntimeSettings(
                preference,
                Optional.ofNullable(System.getenv("DOCKER_HOST")).filter(s -> !s.isBlank()),
                Optional.ofNullable(System.getenv("CONTAINER_HOST")).filter(s -> !s.isBlank()),
                Optional.ofNullable(System.getenv("XDG_RUNTIME_DIR")).filter(s -> !s.isBlank()),
                network);
    }
}
