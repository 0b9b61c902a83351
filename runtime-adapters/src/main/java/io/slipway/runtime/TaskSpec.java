package io.slipway.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-off task container.
 *
 * @param image the image to run
 * @param cmd the container's command; the image's entrypoint is kept and receives it
 * @param env environment variables; passed to the engine, never on a command line
 * @param labels labels for the container
 * @param timeout the task is killed when it runs longer
 * @param commitAs when present and the task exits 0, the stopped container is committed into an
 *     image with this reference, keeping the original image's Entrypoint, Cmd, WorkingDir, Env,
 *     User and exposed ports
 * @param limits the memory and CPU the task may use
 * @param network the network the task joins (a network's name, or {@code none}); empty for the runtime's own
 *     network mode
 */
public record TaskSpec(
        String image,
        List<String> cmd,
        Map<String, String> env,
        Map<String, String> labels,
        Duration timeout,
        Optional<String> commitAs,
        ResourceLimits limits,
        Optional<String> network) {

    /** A task in the runtime's own network mode. */
    public TaskSpec(
            String image,
            List<String> cmd,
            Map<String, String> env,
            Map<String, String> labels,
            Duration timeout,
            Optional<String> commitAs,
            ResourceLimits limits) {
        this(image, cmd, env, labels, timeout, commitAs, limits, Optional.empty());
    }

    /** A task without limits. */
    public TaskSpec(
            String image,
            List<String> cmd,
            Map<String, String> env,
            Map<String, String> labels,
            Duration timeout,
            Optional<String> commitAs) {
        this(image, cmd, env, labels, timeout, commitAs, ResourceLimits.NONE);
    }

    public TaskSpec {
        Objects.requireNonNull(image, "image");
        cmd = List.copyOf(cmd);
        env = Map.copyOf(env);
        labels = Map.copyOf(labels);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(commitAs, "commitAs");
        limits = limits == null ? ResourceLimits.NONE : limits;
        Objects.requireNonNull(network, "network");
    }

    /** This task, joining {@code network} (a network's name, or {@code none}). */
    public TaskSpec inNetwork(String network) {
        return new TaskSpec(image, cmd, env, labels, timeout, commitAs, limits, Optional.of(network));
    }
}
