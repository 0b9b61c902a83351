package io.slipway.runtime;

/**
 * Resource limits of a process container; zero means unlimited.
 *
 * @param memoryBytes memory limit in bytes
 * @param nanoCpus CPU limit in billionths of a CPU
 */
public record ResourceLimits(long memoryBytes, long nanoCpus) {

    public static final ResourceLimits NONE = new ResourceLimits(0, 0);
}
