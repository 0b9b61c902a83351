package io.slipway.runtime;

import io.slipway.runtime.detect.EngineCandidates;
import io.slipway.runtime.detect.EnginePreference;
import java.util.Optional;

/**
 * Answers, for a script that must know before it starts Slipway, whether an engine answers where
 * Slipway would look ({@code SLIPWAY_RUNTIME}, {@code DOCKER_HOST}, {@code CONTAINER_HOST}, the
 * sockets; see {@link ContainerRuntimes#connect(RuntimeSettings)}): prints the engine and exits 0,
 * or prints in one line why none answers: exits 2 when {@code DOCKER_HOST} or {@code CONTAINER_HOST} named the
 * engine (nothing else may replace it), 1 when the search found none. Both go to stdout, so that a script can drop what a library
 * writes to stderr.
 */
public final class FindEngine {

    private static final int NONE = 1;
    private static final int NAMED_ENGINE = 2;

    private FindEngine() {}

    public static void main(String[] args) {
        String preference = Optional.ofNullable(System.getenv("SLIPWAY_RUNTIME"))
                .filter(value -> !value.isBlank())
                .orElse("auto");
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(preference, Optional.empty());
        try (ContainerRuntime runtime = ContainerRuntimes.connect(settings)) {
            System.out.println(runtime.engine().describe());
        } catch (EngineUnavailableException | IllegalArgumentException e) {
            System.out.println(e.getMessage());
            System.exit(e instanceof EngineUnavailableException && named(settings) ? NAMED_ENGINE : NONE);
        }
    }

    private static boolean named(RuntimeSettings settings) {
        return EngineCandidates.of(settings, EnginePreference.parse(settings.preference()))
                .named();
    }
}
