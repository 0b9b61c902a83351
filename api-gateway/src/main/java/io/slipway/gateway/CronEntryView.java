package io.slipway.gateway;

import java.time.Instant;

/**
 * An app.json cron entry of the app's current release, as the API shows it.
 *
 * @param id stable for the same command and schedule; its runs have the trigger {@code cron:<id>}
 * @param schedule as app.json writes it, evaluated in UTC
 * @param concurrencyPolicy as app.json spells it: {@code allow}, {@code forbid} or {@code replace}
 * @param nextRunAt the next firing; null while suspended
 * @param lastRun the entry's latest run, fired or run now; null before the first
 */
public record CronEntryView(
        String id,
        String command,
        String schedule,
        String concurrencyPolicy,
        boolean suspended,
        Instant nextRunAt,
        RunView lastRun) {}
