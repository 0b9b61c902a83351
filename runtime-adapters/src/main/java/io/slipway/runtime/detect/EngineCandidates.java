package io.slipway.runtime.detect;

import io.slipway.runtime.EngineKind;
import io.slipway.runtime.RuntimeSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The places an engine is looked for, in order of preference (the README's *Engines* table). */
public final class EngineCandidates {

    private EngineCandidates() {}

    /**
     * Explicit settings first, then rootless Podman before rootful Podman (a user's own engine is the
     * one they mean), then the Docker socket.
     */
    public static List<EngineCandidate> inOrder(RuntimeSettings settings) {
        return List.of(
                EngineCandidate.variable("DOCKER_HOST", EngineKind.DOCKER, settings.dockerHost()),
                EngineCandidate.variable("CONTAINER_HOST", EngineKind.PODMAN, settings.containerHost()),
                EngineCandidate.socket(
                        "rootless Podman socket ($XDG_RUNTIME_DIR/podman/podman.sock)",
                        EngineKind.PODMAN,
                        settings.xdgRuntimeDir().map(dir -> Path.of(dir, "podman", "podman.sock"))),
                EngineCandidate.socket(
                        "rootful Podman socket", EngineKind.PODMAN, Optional.of(Path.of("/run/podman/podman.sock"))),
                EngineCandidate.socket(
                        "Docker socket", EngineKind.DOCKER, Optional.of(Path.of("/var/run/docker.sock"))));
    }
}
