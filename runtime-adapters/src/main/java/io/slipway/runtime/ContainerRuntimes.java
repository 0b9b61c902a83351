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
     * Connects to the engine the settings name, or finds one (the README's *Engines* table): an engine named by
     * {@code DOCKER_HOST}, {@code CONTAINER_HOST} or a {@link RuntimeSettings#preference()} other than {@code auto} is
     * the only one tried (Podman's or Docker's own sockets when only the runtime names it); {@code auto} without those
     * variables takes the first of the rootless Podman, rootful Podman and Docker sockets that answers a ping.
     *
     * @throws EngineUnavailableException in one line: the named engine and why, or every candidate and why
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
        return new RuntimeDetector(new DockerApiConnector(settings.network(), engineTimeout))
                .connect(EngineCandidates.of(settings, EnginePreference.parse(settings.preference())));
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
