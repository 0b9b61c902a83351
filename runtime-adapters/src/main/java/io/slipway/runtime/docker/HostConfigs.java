package io.slipway.runtime.docker;

import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Ulimit;
import java.util.List;
import java.util.Optional;

/** The host settings of the containers Slipway creates, and the engine quirks they work around. */
final class HostConfigs {

    /**
     * Left to themselves, engines ask for their own rlimits (Podman: the host maximum), and an engine
     * without CAP_SYS_RESOURCE cannot raise a container above its own hard limit: the start fails with
     * "setrlimit RLIMIT_NOFILE: Operation not permitted". 4096 is above the usual soft default of
     * 1024 and below the hard limits seen on hosts that restrict them.
     */
    private static final List<Ulimit> ULIMITS =
            List.of(new Ulimit("nofile", 4096L, 4096L), new Ulimit("nproc", 4096L, 4096L));

    private final Optional<String> network;

    HostConfigs(Optional<String> network) {
        this.network = network;
    }

    /** For task containers and the never-started containers files are read from. */
    HostConfig forShortLived() {
        HostConfig config = HostConfig.newHostConfig().withUlimits(ULIMITS);
        network.ifPresent(config::withNetworkMode);
        return config;
    }

    /** A process runs on after a crash or an engine restart, until Slipway stops it. */
    HostConfig forProcess() {
        return forShortLived().withRestartPolicy(RestartPolicy.unlessStoppedRestart());
    }
}
