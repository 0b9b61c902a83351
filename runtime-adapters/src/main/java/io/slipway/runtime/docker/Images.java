package io.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import io.slipway.runtime.ImageDetails;
import io.slipway.runtime.ImageNotFoundException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Image look-ups, tags and removals. */
final class Images {

    private static final Logger LOG = LoggerFactory.getLogger(Images.class);
    /** What Podman answers for a moment about an image other requests are writing or removing. */
    private static final MomentaryRefusals UNREADABLE_FOR_A_MOMENT =
            new MomentaryRefusals(List.of("image not known", "size is not known"), 5, Duration.ofMillis(200));

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

    /** An image's details, or empty when there is none. */
    Optional<ImageDetails> inspect(String image) {
        return readAgainWhileUnknown("image " + image, () -> inspectOnce(image));
    }

    /**
     * Podman can fail to read images for a moment while other requests write or remove them (an error, not
     * a 404: "image not known" for a name it has just resolved or listed, seen with 20 deployments committing
     * at once and with a list during a removal, and reported as podman#17515; "reading data blob size …: size is
     * not known" for an image just committed while 19 other deployments committed theirs), so such a read is tried
     * again a few times before it counts as an error.
     */
    <T> T readAgainWhileUnknown(String what, Supplier<T> read) {
        return UNREADABLE_FOR_A_MOMENT.call("the read of " + what, read);
    }

    private Optional<ImageDetails> inspectOnce(String image) {
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

    /**
     * Every tag of the repository, as given (Podman's {@code localhost/} qualifier taken off). All local
     * images are listed and matched here: the engines' {@code reference} filters disagree on that
     * qualifier.
     */
    List<String> tagsOf(String repository) {
        return readAgainWhileUnknown(
                "the list of images",
                () -> errors.call(
                        "list images of " + repository,
                        () -> docker.listImagesCmd().exec().stream()
                                .flatMap(image -> Optional.ofNullable(image.getRepoTags()).stream()
                                        .flatMap(Arrays::stream))
                                .map(ImageNames::asGiven)
                                .filter(tag ->
                                        ImageNames.split(tag).repository().equals(repository))
                                .distinct()
                                .toList()));
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
