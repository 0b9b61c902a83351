package io.slipway.gateway.service;

import io.slipway.contract.WorkerApi;
import io.slipway.gateway.config.DataDirectory;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.repository.BuildContextChunks;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Uploaded build contexts (plain or gzip tar, as uploaded), kept from the upload until the deployment ends. Each is
 * checked once before it is kept ({@link BuildContextCheck}). Embedded, it is kept as
 * {@code <data-dir>/contexts/<deployment id>.tar}, where the engine reads it; in remote mode it is kept in the shared
 * database ({@link BuildContextChunks}), so that whichever replica a worker reaches hands it over.
 */
@ApplicationScoped
public class BuildContexts {

    private static final Logger LOG = Logger.getLogger(BuildContexts.class);

    private static final Pattern DEPLOYMENT_ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private final Path directory;
    private final BuildContextCheck check;
    private final boolean remote;
    private final BuildContextChunks chunks;

    public BuildContexts(DataDirectory dataDirectory, GatewayConfig config, BuildContextChunks chunks) {
        this.directory = dataDirectory.resolve("contexts");
        this.check =
                new BuildContextCheck(config.gateway().maxContextUnpackedSize().asLongValue());
        this.remote = config.engine().isRemote();
        this.chunks = chunks;
    }

    /**
     * Stores the upload once it is known to be a build context the engine can take; a partial or refused file never
     * carries the final name, and is removed.
     *
     * In remote mode the checked file is copied into the database and then removed.
     *
     * @return where the engine takes the context from: a file path embedded, the worker endpoint's path in remote
     *     mode
     * @throws io.slipway.gateway.InvalidRequestException when it is empty, not a tar or has no Dockerfile at its root
     * @throws io.slipway.gateway.ContentTooLargeException when it unpacks to more than the limit
     */
    public String store(String deploymentId, InputStream upload) throws IOException {
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, deploymentId, ".part");
        try {
            long size = Files.copy(upload, partial, StandardCopyOption.REPLACE_EXISTING);
            check.check(partial, size);
            if (remote) {
                try (InputStream checked = Files.newInputStream(partial)) {
                    chunks.write(deploymentId, checked);
                }
                return WorkerApi.buildContextPath(deploymentId);
            }
            Path context = pathOf(deploymentId);
            Files.move(partial, context, StandardCopyOption.ATOMIC_MOVE);
            return context.toString();
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** A stored context as it is handed over: its length, and a copy of it written where asked. */
    public record Download(long size, Copy copy) {}

    @FunctionalInterface
    public interface Copy {
        void to(OutputStream out) throws IOException;
    }

    /** The stored context of a deployment that has not ended; a deployment id is a UUID, never a path. */
    public Optional<Download> find(String deploymentId) {
        if (deploymentId == null || !DEPLOYMENT_ID.matcher(deploymentId).matches()) {
            return Optional.empty();
        }
        if (remote) {
            return chunks.size(deploymentId)
                    .map(size -> new Download(size, out -> chunks.copyTo(deploymentId, size, out)));
        }
        Path context = pathOf(deploymentId);
        try {
            return Optional.of(new Download(Files.size(context), out -> Files.copy(context, out)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String deploymentId) {
        if (remote) {
            try {
                chunks.delete(deploymentId);
            } catch (RuntimeException e) {
                LOG.warnf("Cannot delete the build context of deployment %s: %s", deploymentId, e.getMessage());
            }
            return;
        }
        try {
            Files.deleteIfExists(pathOf(deploymentId));
        } catch (IOException e) {
            LOG.warnf("Cannot delete the build context of deployment %s: %s", deploymentId, e.getMessage());
        }
    }

    /** Removes every context file; at an embedded gateway's start-up none is in use. */
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
