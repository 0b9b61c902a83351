package io.slipway.cli.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** An app.json cron entry of the app's current release (SPEC §10); {@code lastRun} is null before its first run. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CronEntry(
        String id,
        String command,
        String schedule,
        String concurrencyPolicy,
        boolean suspended,
        Instant nextRunAt,
        Run lastRun) {}
