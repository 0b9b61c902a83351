package io.slipway.runtime;

import io.slipway.runtime.detect.EngineCandidates;
import io.slipway.runtime.detect.EnginePreference;
import io.slipway.runtime.detect.RuntimeDetector;
import io.slipway.runtime.docker.DockerApiConnector;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Where a {@link ContainerRuntime} comes from. */
public final class ContainerRuntimes {

    /** How long a connection, and a question to the engine (ping, inspect, list), may go unanswered. */
    public static final Duration DEFAULT_ENGINE_TIMEOUT = Duration.ofSeconds(5);

    private ContainerRuntimes() {}

    /**
     * Finds an engine in the order the README's *Engines* table gives: {@code DOCKER_HOST}, {@code CONTAINER_HOST}, the rootless Podman
     * socket, the rootful Podman socket, the Docker socket; the first that answers a ping wins, among
     * those {@link RuntimeSettings#preference()} admits ({@code auto}, {@code docker} or {@code podman}).
     *
     * @throws EngineUnavailableException listing every attempt and why it failed
     * @throws IllegalArgumentException for an unknown preference
     */
    public static ContainerRuntime connect(RuntimeSettings settings) {
        return connect(settings, DEFAULT_ENGINE_TIMEOUT);
    }

    /**
     * As {@link #connect(RuntimeSettings)}.
     *
     * @param engineTimeout how long a connection, and a question to the engine (ping, inspect, list),
     *     may go unanswered before it fails with an {@link EngineUnavailableException}
     */
    public static ContainerRuntime connect(RuntimeSettings settings, Duration engineTimeout) {
        return new RuntimeDetector(
                        EngineCandidates.inOrder(settings), new DockerApiConnector(settings.network(), engineTimeout))
                .connect(EnginePreference.parse(settings.preference()));
    }

    /**
     * Connects to one endpoint, without detection.
     *
     * @param endpoint e.g. {@code unix:///run/podman/podman.sock}
     * @param network the network mode for containers and builds; empty for the engine's default
     * @throws EngineUnavailableException when it does not answer
     */
    public static ContainerRuntime connect(URI endpoint, Optional<String> network) {
        return connect(endpoint, network, DEFAULT_ENGINE_TIMEOUT);
    }

    /** As {@link #connect(URI, Optional)}, with the engine timeout of {@link #connect(RuntimeSettings, Duration)}. */
    public static ContainerRuntime connect(URI endpoint, Optional<String> network, Duration engineTimeout) {
        return new DockerApiConnector(network, engineTimeout).connect(endpoint);
    }
}
