package io.slipway.gateway.repository;

import io.slipway.contract.RunStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A one-off run of a command in a container of an app's release. Its status moves only as {@link RunStatus#canMoveTo}
 * allows; once final, it changes no more. The request's variables are never part of it.
 */
@Entity
@Table(name = "run")
public class Run {

    /** The trigger of a run an API client asked for; a schedule's runs say {@code cron:<id>}. */
    public static final String API_TRIGGER = "api";

    /** The trigger of a run of an app.json cron entry, by the entry's id: its firings and its runs now. */
    public static String cronTrigger(String entryId) {
        return "cron:" + entryId;
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "app_name", length = 63, nullable = false)
    private String app;

    @Column(length = 65536, nullable = false)
    private String command;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private RunStatus status;

    @Column(name = "exit_code")
    private Integer exitCode;

    @Column(name = "release_deployment_id", length = 36, nullable = false)
    private String releaseDeploymentId;

    @Column(name = "run_trigger", length = 128, nullable = false)
    private String trigger;

    @Column(length = 4096)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "last_event_seq", nullable = false)
    private long lastEventSeq;

    protected Run() {}

    public Run(String id, String app, String command, String releaseDeploymentId, String trigger, Instant createdAt) {
        this.id = id;
        this.app = app;
        this.command = command;
        this.releaseDeploymentId = releaseDeploymentId;
        this.trigger = trigger;
        this.status = RunStatus.QUEUED;
        this.createdAt = StoredTime.of(createdAt);
    }

    public String id() {
        return id;
    }

    public String app() {
        return app;
    }

    public String command() {
        return command;
    }

    public RunStatus status() {
        return status;
    }

    public Optional<Integer> exitCode() {
        return Optional.ofNullable(exitCode);
    }

    public String releaseDeploymentId() {
        return releaseDeploymentId;
    }

    public String trigger() {
        return trigger;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    /** Whether an event with this seq is new, remembering it if so; a final run takes no more events. */
    public boolean takeEvent(long seq) {
        if (seq <= lastEventSeq || status.isFinal()) {
            return false;
        }
        lastEventSeq = seq;
        return true;
    }

    public void start(Instant at) {
        if (status.canMoveTo(RunStatus.RUNNING)) {
            status = RunStatus.RUNNING;
            startedAt = StoredTime.of(at);
        }
    }

    /** Ends the run unless it has ended; {@code why} is cut to what the column holds. */
    public void finish(RunStatus next, Integer exit, String why, Instant at) {
        if (!status.canMoveTo(next) || !next.isFinal()) {
            return;
        }
        status = next;
        exitCode = exit;
        reason = why == null || why.length() <= 4096 ? why : why.substring(0, 4095) + "…";
        finishedAt = StoredTime.of(at);
    }
}
