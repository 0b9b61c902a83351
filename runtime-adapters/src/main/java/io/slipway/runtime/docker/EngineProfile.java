package io.slipway.runtime.docker;

import io.slipway.runtime.EngineInfo;
import io.slipway.runtime.EngineKind;

/**
 * What an engine said about itself when asked: the facts the adapters' quirk handling depends on.
 *
 * @param info the public description of the engine
 * @param cgroupV1 whether the host runs cgroup v1 (or the hybrid v1 + v2 layout)
 */
record EngineProfile(EngineInfo info, boolean cgroupV1) {

    EngineKind kind() {
        return info.kind();
    }

    /**
     * Rootless Podman can only place a container in its own cgroup through cgroup v2 delegation; on
     * cgroup v1 it has no cgroup to write memory or CPU limits into.
     */
    boolean appliesResourceLimits() {
        return !(info.rootless() && cgroupV1);
    }
}
