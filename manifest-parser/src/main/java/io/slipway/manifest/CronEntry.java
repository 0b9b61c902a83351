package io.slipway.manifest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of app.json's {@code cron} (Dokku's keys and semantics).
 *
 * @param id stable for the same command and schedule, whatever else changes: see {@link #idOf}
 * @param command what each firing runs, as a one-off run; may name a Procfile entry
 * @param concurrencyPolicy what a firing does while the entry's previous run still runs
 * @param maintenance {@code maintenance: true}: the entry starts suspended
 */
public record CronEntry(
        String id, String command, CronSchedule schedule, ConcurrencyPolicy concurrencyPolicy, boolean maintenance) {

    /** Dokku's limit on an app's entries. */
    public static final int MAX_ENTRIES = 100;

    public CronEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(concurrencyPolicy, "concurrencyPolicy");
    }

    /**
     * The entry's id: the first 16 hex digits of the SHA-256 of the schedule and the command, so that the same entry in
     * a later release keeps its id (and what is kept under it), and a changed command or schedule is a new entry.
     */
    public static String idOf(String command, CronSchedule schedule) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((schedule.text() + "\n" + command).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Dokku's {@code concurrency_policy}. */
    public enum ConcurrencyPolicy {
        /** Every firing runs, whatever runs already (the default). */
        ALLOW,
        /** A firing is skipped while the entry's previous run still runs. */
        FORBID,
        /** A firing cancels the entry's previous run if it still runs, then starts anew. */
        REPLACE;

        /** The policy as app.json spells it ({@code allow}, {@code forbid}, {@code replace}). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<ConcurrencyPolicy> of(String id) {
            for (ConcurrencyPolicy policy : values()) {
                if (policy.id().equals(id)) {
                    return Optional.of(policy);
                }
            }
            return Optional.empty();
        }
    }
}
