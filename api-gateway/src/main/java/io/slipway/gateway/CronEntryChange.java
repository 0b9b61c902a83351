package io.slipway.gateway;

/** A change of a cron entry through the API: Dokku's {@code cron:suspend} and {@code cron:resume}. */
public record CronEntryChange(Boolean suspended) {}
