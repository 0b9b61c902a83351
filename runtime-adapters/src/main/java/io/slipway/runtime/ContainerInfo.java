package io.slipway.runtime;

import java.util.Map;

/**
 * A container as the engine reports it.
 *
 * @param exitCode the exit code once it has exited, else 0
 */
public record ContainerInfo(
        String id, String name, String image, ContainerState state, int exitCode, Map<String, String> labels) {

    public ContainerInfo {
        labels = Map.copyOf(labels);
    }
}
