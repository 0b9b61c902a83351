package io.slipway.runtime.docker;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Ulimit;
import io.slipway.runtime.ResourceLimits;
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

    private static final String LOOPBACK = "127.0.0.1";
    private static final String NO_NETWORK = "none";

    private final Optional<String> network;

    HostConfigs(Optional<String> network) {
        this.network = network;
    }

    /** For the never-started containers files are read from. */
    HostConfig forShortLived() {
        return forShortLived(ResourceLimits.NONE, Optional.empty());
    }

    /** For task containers, in {@code network} when given, else in the configured network mode. */
    HostConfig forShortLived(ResourceLimits limits, Optional<String> network) {
        return base(limits, false, network);
    }

    /**
     * A process runs on after a crash or an engine restart, until Slipway stops it. A published port is
     * bound to the host's loopback address only, on a port the engine picks: the router and checks reach
     * it there, nothing outside the host does. A port cannot be published from no network, so such a
     * process joins the engine's default network when the configured mode is {@code none}.
     *
     * <p>It runs under the engine's init (docker-init on Docker, catatonit on Podman, rootless too) as PID 1: a
     * program that is PID 1 itself and installs no handler for SIGTERM ignores it (the kernel drops it), so a stop
     * would wait out its whole grace and end with a kill; the init passes SIGTERM on, and reaps orphaned children.
     */
    HostConfig forProcess(Optional<Integer> publishedPort, ResourceLimits limits, Optional<String> network) {
        HostConfig config = base(limits, publishedPort.isPresent(), network)
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart())
                .withInit(true);
        publishedPort.ifPresent(port -> {
            Ports bindings = new Ports();
            bindings.bind(ExposedPort.tcp(port), Ports.Binding.bindIp(LOOPBACK));
            config.withPortBindings(bindings);
        });
        return config;
    }

    private HostConfig base(ResourceLimits limits, boolean publishesPort, Optional<String> asked) {
        HostConfig config = HostConfig.newHostConfig().withUlimits(ULIMITS);
        asked.or(() -> network)
                .filter(mode -> !publishesPort || !mode.equals(NO_NETWORK))
                .ifPresent(config::withNetworkMode);
        // Swap equal to memory: no swap beyond the limit, so a container over it is killed, not slowed down.
        limits.memoryBytes().ifPresent(bytes -> config.withMemory(bytes).withMemorySwap(bytes));
        limits.nanoCpus().ifPresent(config::withNanoCPUs);
        return config;
    }
}
