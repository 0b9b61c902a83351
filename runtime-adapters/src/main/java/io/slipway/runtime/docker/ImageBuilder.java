package io.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.exception.DockerException;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.EngineUnavailableException;
import io.slipway.runtime.ImageBuildException;
import io.slipway.runtime.OutputListener;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/** Builds images from tar contexts, streaming the builder's output. */
final class ImageBuilder {

    /** Podman refuses a context that is not a tar without a word; say what a context must be. */
    private static final String CONTEXT_HINT =
            " (a build context is a tar, plain or gzip, with a Dockerfile at its root)";

    private final DockerClient docker;
    private final EngineErrors errors;
    private final Images images;
    private final Optional<String> network;

    ImageBuilder(DockerClient docker, EngineErrors errors, Images images, Optional<String> network) {
        this.docker = docker;
        this.errors = errors;
        this.images = images;
        this.network = network;
    }

    /**
     * The id comes from inspecting the new tag rather than from the build messages: Docker announces it
     * in an {@code aux} item, Podman only as a short id in "Successfully built".
     */
    String build(InputStream context, String tag, OutputListener output, Cancellation cancellation) {
        BuildOutputCallback callback = new BuildOutputCallback(output);
        // Closing the build's stream is how a client stops a build: both engines abort it when the request ends.
        try (InputStream tar = TarArchives.uncompressed(context);
                Cancellation.Registration stop = cancellation.onCancel(callback::abandon)) {
            // forcerm: the intermediate containers of a failed step go too.
            BuildImageCmd command = docker.buildImageCmd(tar)
                    .withTags(Set.of(tag))
                    .withRemove(true)
                    .withForcerm(true);
            // RUN steps need the same network mode as any other container on the engine.
            network.ifPresent(command::withNetworkMode);
            errors.run("build image " + tag, () -> command.exec(callback));
            callback.awaitCompletion();
        } catch (IOException e) {
            throw new ImageBuildException("the build context cannot be read: " + EngineErrors.describe(e));
        } catch (InterruptedException e) {
            // Closing the stream makes the engine cancel the build.
            callback.abandon();
            Thread.currentThread().interrupt();
            throw new ContainerRuntimeException("the build of " + tag + " was interrupted");
        }
        if (cancellation.isCancelled()) {
            throw new ContainerRuntimeException("the build of " + tag + " was cancelled");
        }
        callback.buildError().ifPresent(error -> {
            throw new ImageBuildException(error);
        });
        callback.failure().ifPresent(failure -> {
            ContainerRuntimeException translated = errors.translate("build image " + tag, failure);
            // The engine refused the build, or the context could not be read: the build failed.
            throw translated instanceof EngineUnavailableException
                    ? translated
                    : new ImageBuildException(
                            failure instanceof DockerException refused
                                    ? "the engine refused the build context: " + EngineMessages.of(refused.getMessage())
                                            + CONTEXT_HINT
                                    : translated.getMessage());
        });
        return images.idOf(tag);
    }
}
