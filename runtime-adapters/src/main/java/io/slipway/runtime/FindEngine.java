package io.slipway.runtime;

import java.util.Optional;

/**
 * Answers, for a script that must know before it starts Slipway, whether an engine answers where
 * Slipway would look ({@code SLIPWAY_RUNTIME}, {@code DOCKER_HOST}, {@code CONTAINER_HOST}, the
 * sockets; see {@link ContainerRuntimes#connect(RuntimeSettings)}): prints the engine and exits 0,
 * or prints every attempt and exits 1. Both go to stdout, so that a script can drop what a library
 * writes to stderr.
 */
public final class FindEngine {

    private FindEngine() {}

    public static void main(String[] args) {
        String preference = Optional.ofNullable(System.getenv("SLIPWAY_RUNTIME"))
                .filter(value -> !value.isBlank())
                .orElse("auto");
        try (ContainerRuntime runtime =
                ContainerRuntimes.connect(RuntimeSettings.fromEnvironment(preference, Optional.empty()))) {
            System.out.println(runtime.engine().describe());
        } catch (EngineUnavailableException | IllegalArgumentException e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
    }
}
