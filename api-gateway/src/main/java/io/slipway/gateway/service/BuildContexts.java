package io.slipway.gateway.service;

import io.slipway.gateway.config.DataDirectory;
import io.slipway.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Uploaded build contexts, kept as {@code <data-dir>/contexts/<deployment id>.tar} (plain or gzip, as
 * uploaded) from the upload until the deployment ends: the engine reads them from there. Each is checked once
 * before it is kept ({@link BuildContextCheck}).
 */
@ApplicationScoped
public class BuildContexts {

    private static final Logger LOG = Logger.getLogger(BuildContexts.class);

    private static final Pattern DEPLOYMENT_ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private final Path directory;
    private final BuildContextCheck check;

    public BuildContexts(DataDirectory dataDirectory, GatewayConfig config) {
        this.directory = dataDirectory.resolve("contexts");
        this.check =
                new BuildContextCheck(config.gateway().maxContextUnpackedSize().asLongValue());
    }

    /**
     * Stores the upload once it is known to be a build context the engine can take; a partial or refused file never
     * carries the final name, and is removed.
     *
     * @return where the context is, for the engine, and how many bytes it has
     * @throws io.slipway.gateway.InvalidRequestException when it is empty, not a tar or has no Dockerfile at its root
     * @throws io.slipway.gateway.ContentTooLargeException when it unpacks to more than the limit
     */
    public Stored store(String deploymentId, InputStream upload) throws IOException {
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, deploymentId, ".part");
        try {
            long size = Files.copy(upload, partial, StandardCopyOption.REPLACE_EXISTING);
            check.check(partial, size);
            Path context = pathOf(deploymentId);
            Files.move(partial, context, StandardCopyOption.ATOMIC_MOVE);
            return new Stored(context, size);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    public record Stored(Path path, long size) {}

    /** The stored context of a deployment that has not ended; a deployment id is a UUID, never a path. */
    public Optional<Path> find(String deploymentId) {
        if (deploymentId == null || !DEPLOYMENT_ID.matcher(deploymentId).matches()) {
            return Optional.empty();
        }
        Path context = pathOf(deploymentId);
        return Files.isRegularFile(context) ? Optional.of(context) : Optional.empty();
    }

    public void delete(String deploymentId) {
        try {
            Files.deleteIfExists(pathOf(deploymentId));
        } catch (IOException e) {
            LOG.warnf("Cannot delete the build context of deployment %s: %s", deploymentId, e.getMessage());
        }
    }

    /** Removes every stored context; at start-up none is in use. */
    public void deleteAll() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("Cannot clear %s: %s", directory, e.getMessage());
        }
    }

    private Path pathOf(String deploymentId) {
        return directory.resolve(deploymentId + ".tar");
    }
}
