package io.slipway.cli.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditEntry(
        String id,
        Instant at,
        String actor,
        String role,
        String action,
        String app,
        String target,
        String outcome,
        Integer status) {}
