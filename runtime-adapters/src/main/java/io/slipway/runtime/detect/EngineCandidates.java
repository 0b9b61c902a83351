package io.slipway.runtime.detect;

import io.slipway.runtime.EngineKind;
import io.slipway.runtime.RuntimeSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an engine is looked for (the README's *Engines* table). An engine the operator names — {@code DOCKER_HOST},
 * {@code CONTAINER_HOST}, or a runtime other than {@code auto} — is the only one tried, so that an engine that is down
 * is reported rather than silently replaced by another; only {@code auto} without those variables searches.
 */
public final class EngineCandidates {

    static final String ROOTLESS_PODMAN = "rootless Podman socket ($XDG_RUNTIME_DIR/podman/podman.sock)";
    static final String ROOTFUL_PODMAN = "rootful Podman socket";
    static final String DOCKER_SOCKET = "Docker socket";

    private EngineCandidates() {}

    /**
     * {@code docker}: {@code DOCKER_HOST}, else the Docker socket. {@code podman}: {@code CONTAINER_HOST}, else Podman's
     * own sockets, rootless before rootful (a user's own engine is the one they mean). {@code auto}: {@code DOCKER_HOST},
     * else {@code CONTAINER_HOST}, else a search of the rootless Podman, rootful Podman and Docker sockets.
     *
     * @throws IllegalArgumentException when a variable is no URI: an operator's mistake to report
     */
    public static EngineSearch of(RuntimeSettings settings, EnginePreference preference) {
        EngineCandidate dockerHost = EngineCandidate.variable("DOCKER_HOST", EngineKind.DOCKER, settings.dockerHost());
        EngineCandidate containerHost =
                EngineCandidate.variable("CONTAINER_HOST", EngineKind.PODMAN, settings.containerHost());
        boolean mayBeDocker = preference != EnginePreference.PODMAN;
        boolean mayBePodman = preference != EnginePreference.DOCKER;
        if (mayBeDocker && dockerHost.endpoint().isPresent()) {
            return EngineSearch.named(preference, dockerHost);
        }
        if (mayBePodman && containerHost.endpoint().isPresent()) {
            return EngineSearch.named(preference, containerHost);
        }
        List<EngineCandidate> sockets = new ArrayList<>();
        if (mayBePodman) {
            sockets.add(EngineCandidate.socket(
                    ROOTLESS_PODMAN,
                    EngineKind.PODMAN,
                    settings.xdgRuntimeDir().map(dir -> Path.of(dir, "podman", "podman.sock"))));
            sockets.add(EngineCandidate.socket(
                    ROOTFUL_PODMAN, EngineKind.PODMAN, Optional.of(Path.of("/run/podman/podman.sock"))));
        }
        if (mayBeDocker) {
            sockets.add(EngineCandidate.socket(
                    DOCKER_SOCKET, EngineKind.DOCKER, Optional.of(Path.of("/var/run/docker.sock"))));
        }
        return new EngineSearch(preference, sockets, false);
    }
}
