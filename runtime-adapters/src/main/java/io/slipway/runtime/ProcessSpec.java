package io.slipway.runtime;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A long-running process container.
 *
 * @param image the image to run
 * @param name the container name
 * @param cmd the command; empty means the image's own Entrypoint and Cmd
 * @param env environment variables
 * @param labels labels for the container
 * @param restartPolicy what the engine does when the process exits
 * @param limits resource limits; {@link ResourceLimits#NONE} for none
 */
public record ProcessSpec(
        String image,
        String name,
        List<String> cmd,
        Map<String, String> env,
        Map<String, String> labels,
        RestartPolicy restartPolicy,
        ResourceLimits limits) {

    public ProcessSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(name, "name");
        cmd = List.copyOf(cmd);
        env = Map.copyOf(env);
        labels = Map.copyOf(labels);
        Objects.requireNonNull(restartPolicy, "restartPolicy");
        Objects.requireNonNull(limits, "limits");
    }
}
