package io.slipway.gateway.config;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The gateway's data directory ({@code slipway.data-dir}), as an absolute path. It holds secrets — the
 * API token, and config values in the H2 database — so it is kept owner-only: the database has
 * created it by the time beans start, with the process's umask, and it is tightened here.
 */
@Startup
@Singleton
public class DataDirectory {

    private static final Logger LOG = Logger.getLogger(DataDirectory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path path;

    public DataDirectory(GatewayConfig config) {
        this.path = absolute(config.dataDir());
        try {
            if (!Files.isDirectory(path)) {
                Files.createDirectories(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else if (!Files.getPosixFilePermissions(path).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(path, OWNER_ONLY);
                LOG.infof(
                        "Made the data directory %s owner-only (rwx------): it holds the API token and config values",
                        path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + path, e);
        }
    }

    /** Relative paths are resolved against the working directory. */
    static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }
}
