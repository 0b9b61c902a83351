package io.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads files out of an image by copying them out of one container that is created, never started: a
 * container per file would cost a second copy of the image's file system on a storage driver like vfs.
 */
final class ImageFileReader {

    /**
     * The engines refuse to create a container from an image with neither Entrypoint nor Cmd ("No
     * command specified"). This container never starts, so any command will do, whatever the image.
     */
    private static final String NEVER_RUN = "/slipway-never-started";

    private final DockerClient docker;
    private final EngineErrors errors;
    private final Containers containers;
    private final HostConfigs hostConfigs;

    ImageFileReader(DockerClient docker, EngineErrors errors, Containers containers, HostConfigs hostConfigs) {
        this.docker = docker;
        this.errors = errors;
        this.containers = containers;
        this.hostConfigs = hostConfigs;
    }

    Map<String, byte[]> read(String image, List<String> paths) {
        String id = containers.create(
                docker.createContainerCmd(image).withCmd(NEVER_RUN).withHostConfig(hostConfigs.forShortLived()),
                "file-reading");
        try {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String path : paths) {
                errors.call("copy " + path + " out of image " + image, () -> copyOut(id, path))
                        .ifPresent(bytes -> files.put(path, bytes));
            }
            return files;
        } finally {
            containers.removeQuietly(id);
        }
    }

    private Optional<byte[]> copyOut(String containerId, String path) {
        try (InputStream tar =
                docker.copyArchiveFromContainerCmd(containerId, path).exec()) {
            return TarArchives.firstRegularFile(tar);
        } catch (NotFoundException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
