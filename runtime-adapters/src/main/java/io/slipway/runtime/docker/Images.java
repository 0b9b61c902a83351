package io.slipway.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.ImageDetails;
import io.slipway.runtime.ImageNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Image look-ups, imports, tags and removals. */
final class Images {

    private static final Logger LOG = LoggerFactory.getLogger(Images.class);

    private final DockerClient queries;
    private final DockerClient docker;
    private final RawEngineApi raw;
    private final EngineErrors errors;

    /**
     * @param queries for look-ups, bounded by the engine timeout
     * @param docker for the calls that change images
     */
    Images(DockerClient queries, DockerClient docker, RawEngineApi raw, EngineErrors errors) {
        this.queries = queries;
        this.docker = docker;
        this.raw = raw;
        this.errors = errors;
    }

    Optional<ImageDetails> inspect(String image) {
        return errors.call("inspect image " + image, () -> {
            try {
                return Optional.of(configOf(queries.inspectImageCmd(image).exec()));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** The id of an image that must exist. */
    String idOf(String image) {
        return inspect(image)
                .orElseThrow(() -> new ImageNotFoundException(image))
                .id();
    }

    /**
     * docker-java's import command encodes the stream as JSON (the engines answer "unexpected EOF"),
     * so the tar is posted directly. Podman ignores the {@code tag} parameter of an import; both
     * engines read a tag given within {@code repo}.
     */
    String importRootFilesystem(InputStream rootFilesystem, String reference) {
        String action = "import image " + reference;
        List<Map.Entry<String, String>> query = List.of(Map.entry("fromSrc", "-"), Map.entry("repo", reference));
        try (InputStream tar = TarArchives.uncompressed(rootFilesystem)) {
            List<JsonNode> messages =
                    errors.call(action, () -> raw.postTar(RawEngineApi.compatPath("/images/create", query), tar));
            messages.stream()
                    .map(message -> message.path("error"))
                    .filter(JsonNode::isTextual)
                    .findFirst()
                    .ifPresent(error -> {
                        throw new ContainerRuntimeException("cannot " + action + ": " + error.asText());
                    });
        } catch (IOException e) {
            throw errors.translate(action, e);
        }
        return idOf(reference);
    }

    void tag(String image, String reference) {
        ImageNames.Reference target = ImageNames.split(reference);
        errors.run("tag image " + image + " as " + reference, () -> {
            try {
                docker.tagImageCmd(image, target.repository(), target.tag()).exec();
            } catch (NotFoundException e) {
                throw new ImageNotFoundException(image);
            }
        });
    }

    void remove(String image) {
        errors.run("remove image " + image, () -> {
            try {
                docker.removeImageCmd(image).exec();
            } catch (NotFoundException alreadyGone) {
                LOG.debug("image {} was already removed", image);
            }
        });
    }

    private static ImageDetails configOf(InspectImageResponse image) {
        ContainerConfig config = Optional.ofNullable(image.getConfig()).orElseGet(ContainerConfig::new);
        return new ImageDetails(
                ImageNames.normaliseId(image.getId()),
                entrypointOf(config.getEntrypoint()),
                listOf(config.getCmd()),
                Optional.ofNullable(config.getWorkingDir()).orElse(""),
                listOf(config.getEnv()),
                Optional.ofNullable(config.getUser()).orElse(""),
                Optional.ofNullable(config.getExposedPorts())
                        .map(ports ->
                                Arrays.stream(ports).map(ExposedPort::toString).collect(Collectors.toSet()))
                        .orElse(Set.of()));
    }

    /** {@code [""]} says "no Entrypoint": how images committed by earlier versions of Slipway reset one. */
    private static List<String> entrypointOf(String[] entrypoint) {
        return entrypoint != null && entrypoint.length == 1 && entrypoint[0].isEmpty() ? List.of() : listOf(entrypoint);
    }

    private static List<String> listOf(String[] values) {
        return values == null ? List.of() : List.of(values);
    }
}
