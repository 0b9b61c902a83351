package io.slipway.gateway.security;

import io.slipway.gateway.config.GatewayConfig;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The engine workers' credential ({@code SLIPWAY_WORKER_TOKEN}). Without one configured it admits nobody, so the
 * worker endpoints refuse every call; it is never generated, as the workers must be given it.
 */
@Singleton
public class WorkerToken {

    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> token;

    public WorkerToken(GatewayConfig config) {
        this.token = config.workerToken()
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .map(value -> value.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether an {@code Authorization} header carries the token; compared in constant time. */
    public boolean admits(String authorization) {
        if (token.isEmpty()
                || authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] presented = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token.get(), presented);
    }
}
