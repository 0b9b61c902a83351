package io.slipway.runtime.docker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.EngineUnavailableException;
import io.slipway.runtime.ImageBuildException;
import io.slipway.runtime.OutputListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds images from tar contexts, streaming the builder's output. The request is made here rather than
 * through docker-java's build command, which cannot send the network options Podman needs
 * ({@link BuildNetworks}).
 */
final class ImageBuilder {

    /** Podman refuses a context that is not a tar without a word; say what a context must be. */
    private static final String CONTEXT_HINT =
            " (a build context is a tar, plain or gzip, with a Dockerfile at its root)";

    private static final ObjectReader ITEMS = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .readerFor(BuildResponseItem.class);

    private final DockerHttpClient http;
    private final EngineErrors errors;
    private final Images images;
    private final BuildNetworks networks;
    private final Optional<String> network;

    ImageBuilder(
            DockerHttpClient http,
            EngineErrors errors,
            Images images,
            BuildNetworks networks,
            Optional<String> network) {
        this.http = http;
        this.errors = errors;
        this.images = images;
        this.networks = networks;
        this.network = network;
    }

    /**
     * The id comes from inspecting the new tag rather than from the build messages: Docker announces it
     * in an {@code aux} item, Podman only as a short id in "Successfully built".
     */
    String build(
            InputStream context, String tag, Optional<String> asked, OutputListener output, Cancellation cancellation) {
        BuildOutputCallback callback = new BuildOutputCallback(output);
        // Closing the build's stream is how a client stops a build: both engines abort it when the request ends.
        try (InputStream tar = TarArchives.uncompressed(context);
                BuildNetworks.Joined joined = networks.join(asked.or(() -> network));
                Cancellation.Registration stop = cancellation.onCancel(callback::abandon)) {
            // forcerm: the intermediate containers of a failed step go too.
            List<Map.Entry<String, String>> query =
                    new ArrayList<>(List.of(Map.entry("t", tag), Map.entry("rm", "1"), Map.entry("forcerm", "1")));
            query.addAll(joined.query());
            send(RawEngineApi.compatPath("/build", query), tar, callback, cancellation);
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

    /** Reads the build's messages on a thread of its own, so that an interrupt of the caller is seen at once. */
    private void send(String path, InputStream tar, BuildOutputCallback callback, Cancellation cancellation) {
        Request request = Request.builder()
                .method(Request.Method.POST)
                .path(path)
                .putHeader("Content-Type", "application/x-tar")
                .body(tar)
                .build();
        Thread reader = new Thread(() -> read(request, callback, cancellation), "slipway-build");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Request request, BuildOutputCallback callback, Cancellation cancellation) {
        try (DockerHttpClient.Response response = http.execute(request)) {
            callback.onStart(response);
            if (cancellation.isCancelled()) {
                callback.abandon();
            }
            if (response.getStatusCode() >= 400) {
                String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                throw new DockerException(body, response.getStatusCode());
            }
            try (MappingIterator<BuildResponseItem> items = ITEMS.readValues(response.getBody())) {
                while (items.hasNextValue()) {
                    callback.onNext(items.nextValue());
                }
            }
            callback.onComplete();
        } catch (IOException | RuntimeException e) {
            callback.onError(e);
        }
    }
}
