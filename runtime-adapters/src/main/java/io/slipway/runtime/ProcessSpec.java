package io.slipway.runtime;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A long-running process container; the engine restarts it unless it was stopped.
 *
 * @param image the image to run
 * @param name the container name
 * @param cmd the command; empty means the image's own Entrypoint and Cmd
 * @param env environment variables
 * @param labels labels for the container
 * @param publishedPort the container's TCP port to publish on a loopback port of the host that the engine
 *     chooses (see {@link ContainerInfo#address()}); empty to publish none
 */
public record ProcessSpec(
        String image,
        String name,
        List<String> cmd,
        Map<String, String> env,
        Map<String, String> labels,
        Optional<Integer> publishedPort) {

    public ProcessSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(name, "name");
        cmd = List.copyOf(cmd);
        env = Map.copyOf(env);
        labels = Map.copyOf(labels);
        Objects.requireNonNull(publishedPort, "publishedPort");
    }

    /** A process that publishes no port. */
    public ProcessSpec(
            String image, String name, List<String> cmd, Map<String, String> env, Map<String, String> labels) {
        this(image, name, cmd, env, labels, Optional.empty());
    }
}
