package io.slipway.runtime.docker;

import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import io.slipway.runtime.ResourceLimits;
import io.slipway.runtime.RestartPolicy;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The host settings of the containers Slipway creates, and the engine quirks they work around. */
final class HostConfigs {

    private static final Logger LOG = LoggerFactory.getLogger(HostConfigs.class);

    /**
     * Left to themselves, engines ask for their own rlimits (Podman: the host maximum), and an engine
     * without CAP_SYS_RESOURCE cannot raise a container above its own hard limit: the start fails with
     * "setrlimit RLIMIT_NOFILE: Operation not permitted". 4096 is above the usual soft default of
     * 1024 and below the hard limits seen on hosts that restrict them.
     */
    private static final List<Ulimit> ULIMITS =
            List.of(new Ulimit("nofile", 4096L, 4096L), new Ulimit("nproc", 4096L, 4096L));

    private final EngineProfile engine;
    private final Optional<String> network;

    HostConfigs(EngineProfile engine, Optional<String> network) {
        this.engine = engine;
        this.network = network;
    }

    /** For task containers and the never-started containers files are read from. */
    HostConfig forShortLived() {
        HostConfig config = HostConfig.newHostConfig().withUlimits(ULIMITS);
        network.ifPresent(config::withNetworkMode);
        return config;
    }

    HostConfig forProcess(RestartPolicy restartPolicy, ResourceLimits limits) {
        HostConfig config = forShortLived().withRestartPolicy(restartPolicyOf(restartPolicy));
        if (limits.equals(ResourceLimits.NONE)) {
            return config;
        }
        if (!engine.appliesResourceLimits()) {
            LOG.warn(
                    "{} cannot apply memory or CPU limits on cgroup v1; {} ignored",
                    engine.info().describe(),
                    limits);
            return config;
        }
        if (limits.memoryBytes() > 0) {
            config.withMemory(limits.memoryBytes());
        }
        if (limits.nanoCpus() > 0) {
            config.withNanoCPUs(limits.nanoCpus());
        }
        return config;
    }

    private static com.github.dockerjava.api.model.RestartPolicy restartPolicyOf(RestartPolicy policy) {
        return switch (policy) {
            case NO -> com.github.dockerjava.api.model.RestartPolicy.noRestart();
            // Zero retries means "no maximum" to both engines.
            case ON_FAILURE -> com.github.dockerjava.api.model.RestartPolicy.onFailureRestart(0);
            case UNLESS_STOPPED -> com.github.dockerjava.api.model.RestartPolicy.unlessStoppedRestart();
            case ALWAYS -> com.github.dockerjava.api.model.RestartPolicy.alwaysRestart();
        };
    }
}
