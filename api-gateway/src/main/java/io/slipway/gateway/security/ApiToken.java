package io.slipway.gateway.security;

import io.quarkus.runtime.Startup;
import io.slipway.gateway.config.DataDirectory;
import io.slipway.gateway.config.GatewayConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The bootstrap token, an admin: {@code slipway.api-token} ({@code SLIPWAY_API_TOKEN}) when set,
 * else the one kept in {@code <data-dir>/api-token}, generated on the first start (owner-only
 * permissions); the log names the file, never the token. Created at start-up, so the token exists before the
 * first request and a broken data directory stops the start.
 */
@Startup
@Singleton
public class ApiToken {

    private static final String FILE_NAME = "api-token";
    private static final Logger LOG = Logger.getLogger(ApiToken.class);
    private static final String BEARER = "Bearer ";
    private static final int TOKEN_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final byte[] token;
    private final String source;

    public ApiToken(GatewayConfig config, DataDirectory dataDirectory) {
        Optional<String> configured = config.apiToken().map(String::strip).filter(value -> !value.isEmpty());
        Path file = dataDirectory.resolve(FILE_NAME);
        this.token = configured.orElseGet(() -> readOrGenerate(file)).getBytes(StandardCharsets.UTF_8);
        this.source =
                configured.isPresent() ? "the token is the configured SLIPWAY_API_TOKEN" : "the token is in " + file;
    }

    /** Whether an {@code Authorization} header carries the token; compared in constant time. */
    public boolean admits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] presented = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token, presented);
    }

    /** Where an operator finds the token, for the start-up log; never the token itself. */
    public String source() {
        return source;
    }

    private static String readOrGenerate(Path file) {
        try {
            if (!Files.exists(file)) {
                return generate(file);
            }
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                LOG.warnf("%s can be read by others than its owner: chmod 600 it", file);
            }
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (kept.isEmpty()) {
                // An empty token would admit "Bearer " from anyone.
                throw new IllegalStateException(file + " is empty: delete it to have a new token generated");
            }
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the API token file " + file, e);
        }
    }

    private static String generate(Path file) throws IOException {
        byte[] random = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY)), generated + "\n");
        // Never the token itself: a log is read by more people, and kept longer, than an owner-only file.
        LOG.infof("Generated the bootstrap API token, kept in %s (readable by its owner only)", file);
        return generated;
    }
}
