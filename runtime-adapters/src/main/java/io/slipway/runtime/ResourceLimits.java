package io.slipway.runtime;

import java.util.Optional;

/**
 * How much memory and CPU a container may use; the engine enforces them (cgroups), when it can
 * ({@link EngineInfo#enforcesLimits()}).
 *
 * @param memoryBytes the most memory, swap included (a container over it is killed); empty for no limit
 * @param nanoCpus CPU time in billionths of a CPU ({@code 500000000} is half a CPU); empty for no limit
 */
public record ResourceLimits(Optional<Long> memoryBytes, Optional<Long> nanoCpus) {

    public static final ResourceLimits NONE = new ResourceLimits(Optional.empty(), Optional.empty());

    public ResourceLimits {
        memoryBytes = memoryBytes == null ? Optional.empty() : memoryBytes;
        nanoCpus = nanoCpus == null ? Optional.empty() : nanoCpus;
    }

    public boolean isNone() {
        return memoryBytes.isEmpty() && nanoCpus.isEmpty();
    }
}
