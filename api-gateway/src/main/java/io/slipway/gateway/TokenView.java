package io.slipway.gateway;

import java.time.Instant;
import java.util.List;

/**
 * An API token as the API shows it: never its value.
 *
 * @param apps the apps it is limited to; null for every app
 * @param createdBy the actor that created it
 * @param revokedAt when it was revoked; null while it opens the API
 */
public record TokenView(
        String id,
        String name,
        String role,
        List<String> apps,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        Instant revokedAt) {}
