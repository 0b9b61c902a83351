package io.slipway.gateway.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * The claim on one firing of a cron entry: the gateway replica that inserts it (the table's unique key is the app,
 * the entry and the scheduled time) is the one that fires it. Then it names the run it started, or why it started none.
 */
@Entity
@Table(name = "cron_firing")
public class CronFiring {

    /** Reasons are cut to what the column holds. */
    static final int MAX_REASON = 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "app_name", length = 63, nullable = false)
    private String app;

    @Column(name = "entry_id", length = 16, nullable = false)
    private String entryId;

    @Column(name = "scheduled_at", nullable = false)
    private Instant scheduledAt;

    @Column(name = "claimed_at", nullable = false)
    private Instant claimedAt;

    @Column(name = "run_id", length = 36)
    private String runId;

    @Column(name = "skip_reason", length = MAX_REASON)
    private String skipReason;

    protected CronFiring() {}

    public CronFiring(String app, String entryId, Instant scheduledAt, Instant claimedAt) {
        this.app = app;
        this.entryId = entryId;
        this.scheduledAt = StoredTime.of(scheduledAt);
        this.claimedAt = StoredTime.of(claimedAt);
    }

    public Long id() {
        return id;
    }

    public String app() {
        return app;
    }

    public String entryId() {
        return entryId;
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    public Optional<String> skipReason() {
        return Optional.ofNullable(skipReason);
    }

    public void ran(String run) {
        this.runId = run;
    }

    public void skipped(String why) {
        this.skipReason = why.length() <= MAX_REASON ? why : why.substring(0, MAX_REASON - 1) + "…";
    }
}
