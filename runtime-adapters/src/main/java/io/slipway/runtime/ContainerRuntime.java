package io.slipway.runtime;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** Asks the engine again whether it is alive; throws {@link EngineUnavailableException} if not. */
    EngineInfo ping();

    Optional<ImageDetails> inspectImage(String image);

    /**
     * Builds an image from a tar build context (plain or gzip) with a {@code Dockerfile} at its root,
     * streaming the build output line by line.
     *
     * @return the id of the built image, tagged {@code tag}
     * @throws ImageBuildException when the build fails, with the engine's message
     */
    String buildImage(InputStream context, String tag, OutputListener output);

    /** Imports a root filesystem tar as a single-layer image named {@code reference}. */
    String importImage(InputStream rootFilesystem, String reference);

    void tagImage(String image, String reference);

    /** Removes an image reference; absent images are not an error. */
    void removeImage(String image);

    /**
     * Reads one file out of an image without running it: a container is created, never started,
     * the file copied out, and the container removed.
     *
     * @return the file's bytes, or empty when the image has no such regular file
     */
    Optional<byte[]> readFile(String image, String path);

    /**
     * Runs a task container to completion and always removes it, on success, failure, timeout and
     * cancel. Output is delivered line by line while the task runs.
     */
    TaskResult runTask(TaskSpec task, OutputListener output, Cancellation cancellation);

    /** Creates and starts a long-running process container; returns its id. */
    String startProcess(ProcessSpec process);

    Optional<ContainerInfo> inspectContainer(String containerId);

    /** Containers (running or not) carrying all of the given labels. */
    List<ContainerInfo> listContainers(Map<String, String> labels);

    /** Stops a container, killing it after {@code grace}; an absent or stopped container is fine. */
    void stopContainer(String containerId, Duration grace);

    /** Removes a container, forcibly; an absent container is fine. */
    void removeContainer(String containerId);

    @Override
    void close();
}
