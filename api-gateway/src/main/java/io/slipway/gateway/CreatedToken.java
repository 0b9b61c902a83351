package io.slipway.gateway;

import java.time.Instant;
import java.util.List;

/**
 * The answer of a token's creation, the one time its value is shown: it is kept only as a hash.
 *
 * @param token the value to send as {@code Authorization: Bearer <token>}
 */
public record CreatedToken(
        String id,
        String name,
        String role,
        List<String> apps,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        String token) {}
