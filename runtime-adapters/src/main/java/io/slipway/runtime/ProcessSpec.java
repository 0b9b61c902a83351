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
 * @param limits the memory and CPU each container may use
 * @param network the network the container joins, by name; empty for the runtime's own network mode. A process
 *     that publishes a port cannot be in no network: with {@code none} it joins the engine's default network
 */
public record ProcessSpec(
        String image,
        String name,
        List<String> cmd,
        Map<String, String> env,
        Map<String, String> labels,
        Optional<Integer> publishedPort,
        ResourceLimits limits,
        Optional<String> network) {

    /** A process in the runtime's own network mode. */
    public ProcessSpec(
            String image,
            String name,
            List<String> cmd,
            Map<String, String> env,
            Map<String, String> labels,
            Optional<Integer> publishedPort,
            ResourceLimits limits) {
        this(image, name, cmd, env, labels, publishedPort, limits, Optional.empty());
    }

    public ProcessSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(name, "name");
        cmd = List.copyOf(cmd);
        env = Map.copyOf(env);
        labels = Map.copyOf(labels);
        Objects.requireNonNull(publishedPort, "publishedPort");
        limits = limits == null ? ResourceLimits.NONE : limits;
        Objects.requireNonNull(network, "network");
    }

    /** This process, joining the network {@code network}. */
    public ProcessSpec inNetwork(String network) {
        return new ProcessSpec(image, name, cmd, env, labels, publishedPort, limits, Optional.of(network));
    }

    /** A process that publishes no port and has no limits. */
    public ProcessSpec(
            String image, String name, List<String> cmd, Map<String, String> env, Map<String, String> labels) {
        this(image, name, cmd, env, labels, Optional.empty(), ResourceLimits.NONE);
    }
}
