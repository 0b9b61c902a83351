package io.slipway.gateway.repository;

import io.slipway.manifest.CronEntry;
import io.slipway.manifest.CronEntry.ConcurrencyPolicy;
import io.slipway.manifest.CronSchedule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One app.json {@code cron} entry of an app's current release, as stored: what the release declared, and whether an
 * operator suspended it (which outlives releases that keep the entry).
 */
@Entity
@Table(name = "cron_entry")
public class CronEntryRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "app_name", length = 63, nullable = false)
    private String app;

    @Column(name = "entry_id", length = 16, nullable = false)
    private String entryId;

    @Column(nullable = false)
    private int position;

    @Column(length = 1048576, nullable = false)
    private String command;

    @Column(length = 256, nullable = false)
    private String schedule;

    @Enumerated(EnumType.STRING)
    @Column(name = "concurrency_policy", length = 16, nullable = false)
    private ConcurrencyPolicy concurrencyPolicy;

    @Column(nullable = false)
    private boolean suspended;

    @Column(name = "release_deployment_id", length = 36, nullable = false)
    private String releaseDeploymentId;

    protected CronEntryRecord() {}

    /** The entry as a release declares it; a new entry starts suspended when it says {@code maintenance: true}. */
    public CronEntryRecord(String app, CronEntry entry, int position, String releaseDeploymentId) {
        this.app = app;
        this.entryId = entry.id();
        this.suspended = entry.maintenance();
        redeclare(entry, position, releaseDeploymentId);
    }

    /** A later release declares the same entry again: its suspension stays as it was. */
    public void redeclare(CronEntry entry, int position, String releaseDeploymentId) {
        this.position = position;
        this.command = entry.command();
        this.schedule = entry.schedule().text();
        this.concurrencyPolicy = entry.concurrencyPolicy();
        this.releaseDeploymentId = releaseDeploymentId;
    }

    public String app() {
        return app;
    }

    public String entryId() {
        return entryId;
    }

    public int position() {
        return position;
    }

    public String command() {
        return command;
    }

    /** Parsed again: it parsed when its release was deployed. */
    public CronSchedule schedule() {
        return CronSchedule.parse(schedule);
    }

    public ConcurrencyPolicy concurrencyPolicy() {
        return concurrencyPolicy;
    }

    public boolean suspended() {
        return suspended;
    }

    public void suspended(boolean suspended) {
        this.suspended = suspended;
    }

    public String releaseDeploymentId() {
        return releaseDeploymentId;
    }
}
