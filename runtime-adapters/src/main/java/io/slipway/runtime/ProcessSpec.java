package io.slipway.runtime;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A long-running process container; the engine restarts it unless it was stopped.
 *
 * @param image the image to run
 * @param name the container name
 * @param cmd the command; empty means the image's own Entrypoint and Cmd
 * @param env environment variables
 * @param labels labels for the container
 * @param limits the memory and CPU each container may use
 */
public record ProcessSpec(
        String image,
        String name,
        List<String> cmd,
        Map<String, String> env,
        Map<String, String> labels,
        ResourceLimits limits) {

    /** A process without limits. */
    public ProcessSpec(
            String image, String name, List<String> cmd, Map<String, String> env, Map<String, String> labels) {
        this(image, name, cmd, env, labels, ResourceLimits.NONE);
    }

    public ProcessSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(name, "name");
        cmd = List.copyOf(cmd);
        env = Map.copyOf(env);
        labels = Map.copyOf(labels);
        limits = limits == null ? ResourceLimits.NONE : limits;
    }
}
