package io.slipway.runtime;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What Slipway needs from a container engine, in Slipway's own terms.
 *
 * <p>Implementations hide every difference between engines (Docker, rootful and rootless Podman):
 * callers never see an engine's wire types, and every engine failure arrives as a
 * {@link ContainerRuntimeException} carrying the engine's own message.
 */
public interface ContainerRuntime extends AutoCloseable {

    /** The engine this runtime talks to; answers from a cached ping taken when connecting. */
    EngineInfo engine();

    /**
     * Asks the engine again whether it is alive (a cheap {@code /_ping}, bounded by the engine timeout
     * so a hung engine cannot block a health check).
     *
     * @return {@link #engine()}
     * @throws EngineUnavailableException if it does not answer
     */
    EngineInfo ping();

    /**
     * An image's configuration, by reference or id; a short name finds a local image on both engines
     * (Podman keeps them as {@code localhost/NAME}).
     */
    Optional<ImageDetails> inspectImage(String image);

    /**
     * Builds an image from a tar build context (plain or gzip) with a {@code Dockerfile} at its root,
     * streaming the build output line by line.
     *
     * @return the id of the built image, tagged {@code tag}
     * @throws ImageBuildException when the build fails, with the engine's message
     */
    default String buildImage(InputStream context, String tag, OutputListener output) {
        return buildImage(context, tag, output, Cancellation.none());
    }

    /**
     * {@link #buildImage(InputStream, String, OutputListener)} that a cancel breaks off: the engine stops the build
     * and this throws a {@link ContainerRuntimeException} at once, without waiting for the running step.
     */
    default String buildImage(InputStream context, String tag, OutputListener output, Cancellation cancellation) {
        return buildImage(context, tag, Optional.empty(), output, cancellation);
    }

    /**
     * As {@link #buildImage(InputStream, String, OutputListener, Cancellation)}, its {@code RUN} steps in
     * {@code network} (a network's name, or {@code none}); empty for the runtime's own network mode. A build
     * never runs in the host's network unless that is the mode asked for ({@code host}).
     */
    String buildImage(
            InputStream context,
            String tag,
            Optional<String> network,
            OutputListener output,
            Cancellation cancellation);

    /**
     * Creates a bridge network named {@code name}, with {@code labels}, unless one of that name exists: safe
     * to call again, and when several callers race to create it.
     */
    void ensureNetwork(String name, Map<String, String> labels);

    /**
     * Removes the network named {@code name}; an absent one is fine.
     *
     * @throws ContainerRuntimeException when the engine refuses, e.g. while a container is still in it
     */
    void removeNetwork(String name);

    void tagImage(String image, String reference);

    /** The references ({@code repository:tag}) of every local image of {@code repository}, spelled as given. */
    List<String> listImages(String repository);

    /** Removes an image reference; absent images are not an error. */
    void removeImage(String image);

    /**
     * Reads files out of an image without running it: one container is created, never started, the
     * files copied out, and the container removed.
     *
     * @return each path's bytes; a path the image does not have, or that is no regular file (a directory,
     *     or a symbolic link, which is not followed), is not in the map
     * @throws ImageNotFoundException when the image is absent
     */
    Map<String, byte[]> readFiles(String image, List<String> paths);

    /**
     * Runs a task container to completion and always removes it, on success, failure, timeout, cancel
     * and engine error. Output is delivered line by line while the task runs, stdout and stderr apart,
     * on a thread of the runtime's.
     *
     * <p>A commit ({@link TaskSpec#commitAs()}) gives the new image the task's files and exactly the
     * original's configuration: Entrypoint, Cmd, WorkingDir, Env (same entries in the same order), User,
     * exposed ports and labels. None of the task's variables or labels, nor what the engine gives every
     * container, is left in it.
     *
     * <p>An interrupt of the calling thread kills the task, which ends {@link TaskOutcome#CANCELLED};
     * the thread's interrupt flag is set again on return.
     *
     * @throws ImageNotFoundException when the image is absent
     * @throws ContainerRuntimeException when the engine refuses to create or start it (e.g. no such
     *     executable), with the engine's message
     */
    TaskResult runTask(TaskSpec task, OutputListener output, Cancellation cancellation);

    /**
     * Creates and starts a task container with a TTY and an open stdin, attached to both, for a person to type into
     * (an interactive run's console). {@link TaskSpec#timeout()} and {@link TaskSpec#commitAs()} are not used: the
     * caller bounds it with {@link Terminal#awaitEnd}, and nothing is committed. The container is removed by
     * {@link Terminal#awaitEnd}, or here when it cannot be started.
     *
     * @param screen receives what the TTY prints, as it comes, on a thread of the runtime's
     * @throws ImageNotFoundException when the image is absent
     * @throws ContainerRuntimeException when the engine refuses to create, attach or start it
     */
    Terminal openTerminal(TaskSpec task, Consumer<byte[]> screen);

    /**
     * Creates and starts a long-running process container, restarted by the engine unless stopped;
     * returns its id. A container that fails to start is removed again.
     */
    String startProcess(ProcessSpec process);

    /** A container by id or name; its {@link ContainerInfo#image()} is the reference it was started with. */
    Optional<ContainerInfo> inspectContainer(String containerId);

    /**
     * Containers (running or not) carrying all of the given labels, in one call to the engine, bounded
     * by the engine timeout. Docker names the image by its id once the reference it was started with
     * points elsewhere.
     */
    List<ContainerInfo> listContainers(Map<String, String> labels);

    /**
     * The containers {@link #listContainers} returns, each with what only an inspection says (restart count,
     * start, whether it ever finished), as a report of what runs needs every few seconds. This one inspects each
     * listed container; an adapter may reuse an earlier inspection where its engine's listing shows that nothing
     * those say has changed since.
     */
    default List<ContainerInfo> listInspected(Map<String, String> labels) {
        return listContainers(labels).stream()
                .map(listed -> inspectContainer(listed.id())
                        .map(inspected -> inspected.withAddressOf(listed))
                        .orElse(listed))
                .toList();
    }

    /**
     * The last {@code lines} lines a container printed, stdout and stderr merged in the engine's order,
     * bounded by the engine timeout; empty for an absent container.
     */
    List<String> lastLogLines(String containerId, int lines);

    /**
     * Reads a container's log as {@code query} says, stdout and stderr apart, each line with the time the engine
     * received it, and returns at once: the lines and then the end go to {@code listener} on a thread of the
     * runtime's. Within one read a line is delivered once, in order, and never before {@link LogQuery#since()},
     * whatever the engine's own stream repeats or rounds. An absent container ends at once without a failure.
     */
    LogFollow readLog(String containerId, LogQuery query, LogListener listener);

    /**
     * Runs {@code cmd} (no shell) inside a running container and waits at most {@code timeout} for it.
     *
     * @throws ContainerRuntimeException when the engine refuses (e.g. the container is not running)
     */
    ExecResult exec(String containerId, List<String> cmd, Duration timeout);

    /** Stops a container, killing it after {@code grace}; an absent or stopped container is fine. */
    void stopContainer(String containerId, Duration grace);

    /** Removes a container, forcibly; an absent container is fine. */
    void removeContainer(String containerId);

    @Override
    void close();
}
