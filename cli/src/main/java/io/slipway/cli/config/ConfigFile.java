package io.slipway.cli.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's login: {@code $XDG_CONFIG_HOME/slipway/config.json}, else {@code ~/.config/slipway/config.json},
 * written with mode 600 and refused when others may read it, since it holds the token.
 */
public final class ConfigFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final long MAX_BYTES = 64 * 1024;

    private final Path path;
    private final ObjectMapper json;

    public ConfigFile(Path path, ObjectMapper json) {
        this.path = path;
        this.json = json;
    }

    /** The file the environment points at. */
    public static Path locate(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".config");
        return base.resolve("slipway").resolve("config.json");
    }

    public Path path() {
        return path;
    }

    public Optional<StoredLogin> read() throws IOException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new UsageProblem(path + " can be read by others (mode "
                    + PosixFilePermissions.toString(permissions) + "): run chmod 600 " + path
                    + " and check that the token was not seen, or log in again");
        }
        if (Files.size(path) > MAX_BYTES) {
            throw new UsageProblem(path + " is larger than " + MAX_BYTES + " bytes: not a login of this CLI");
        }
        return Optional.of(json.readValue(path.toFile(), StoredLogin.class));
    }

    /** Written to a new owner-only file first, so the token is never readable by others, not even for a moment. */
    public void write(StoredLogin login) throws IOException {
        Files.createDirectories(path.getParent());
        Path fresh = Files.createTempFile(
                path.getParent(), "config", ".json", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            json.writeValue(fresh.toFile(), login);
            Files.move(fresh, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(fresh);
        }
    }
}
