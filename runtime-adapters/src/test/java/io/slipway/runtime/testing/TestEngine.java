package io.slipway.runtime.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimes;
import io.slipway.runtime.EngineUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.Optional;

/**
 * One engine the tests run against.
 *
 * @param name {@code docker}, {@code podman} or {@code podman-rootless}
 * @param endpoint its API socket
 */
public record TestEngine(String name, URI endpoint) {

    /**
     * Far above the default engine timeout: a machine busy with parallel builds makes rootful Podman answer in 5 to
     * 15 s, and a test is about what the engine does, not how fast it answers (that is {@code EngineDeadlineTests}').
     */
    private static final Duration BUSY_ENGINE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * A runtime whose tasks get no network (web processes publish on the default one), checked to answer and to hold the base image.
     *
     * @throws AssertionError when the engine does not answer or lacks the base image
     */
    public ContainerRuntime connect() {
        ContainerRuntime runtime;
        try {
            runtime = ContainerRuntimes.connect(endpoint, Optional.of(TestEngines.NETWORK), BUSY_ENGINE_TIMEOUT);
        } catch (EngineUnavailableException e) {
            throw new AssertionError(
                    "engine " + name + " at " + endpoint + " does not answer (" + e.getMessage() + "): "
                            + TestEngines.howToFix(),
                    e);
        }
        String baseImage = TestEngines.baseImage();
        if (runtime.inspectImage(baseImage).isEmpty()) {
            runtime.close();
            throw new AssertionError("engine " + name + " has no image " + baseImage + ": " + TestEngines.howToFix());
        }
        return runtime;
    }

    /**
     * Imports {@code rootFilesystem} as a single-layer image without Entrypoint or Cmd: an image
     * no Dockerfile can make. docker-java's import sends the stream JSON-encoded (the engines answer
     * "unexpected EOF") and Podman ignores an import's {@code tag} parameter, so the tar is posted as
     * it is, with the tag inside {@code repo}.
     */
    public void importRootFilesystem(BuildContext rootFilesystem, String reference) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path("/v1.41/images/create?fromSrc=-&repo=" + URLEncoder.encode(reference, UTF_8))
                .putHeader("Content-Type", "application/x-tar")
                .body(new ByteArrayInputStream(rootFilesystem.toTar()))
                .build();
        try (DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                        .dockerHost(endpoint)
                        .build();
                DockerHttpClient.Response response = http.execute(request)) {
            String answer = new String(response.getBody().readAllBytes(), UTF_8);
            // A failure late in the stream comes as a message with an "error" field.
            if (response.getStatusCode() >= 400 || answer.contains("\"error\"")) {
                throw new AssertionError("cannot import " + reference + " into " + name + ": " + answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name, as parameterized tests display it. */
    @Override
    public String toString() {
        return name;
    }
}
