package io.slipway.cli.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** An API token; {@code token}, its value, is only in the answer that created it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Token(
        String id,
        String name,
        String role,
        List<String> apps,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        Instant revokedAt,
        String token) {}
