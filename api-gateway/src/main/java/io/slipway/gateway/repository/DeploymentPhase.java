package io.slipway.gateway.repository;

import io.slipway.contract.PhaseName;
import io.slipway.contract.PhaseStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One phase of one deployment, as the engine last reported it. */
@Entity
@Table(name = "deployment_phase")
public class DeploymentPhase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "deployment_id")
    private Deployment deployment;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private PhaseName phase;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private PhaseStatus status;

    @Column(length = 65536)
    private String command;

    @Column(name = "exit_code")
    private Integer exitCode;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(length = 4096)
    private String reason;

    protected DeploymentPhase() {}

    DeploymentPhase(Deployment deployment, PhaseName phase) {
        this.deployment = deployment;
        this.phase = phase;
        this.status = PhaseStatus.PENDING;
    }

    public PhaseName phase() {
        return phase;
    }

    public PhaseStatus status() {
        return status;
    }

    public Optional<String> command() {
        return Optional.ofNullable(command);
    }

    public Optional<Integer> exitCode() {
        return Optional.ofNullable(exitCode);
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The engine reports the command only when it is known: a later change without one keeps it. */
    void change(PhaseStatus next, String nextCommand, Integer nextExitCode, String nextReason, Instant at) {
        status = next;
        if (nextCommand != null) {
            command = nextCommand;
        }
        if (nextExitCode != null) {
            exitCode = nextExitCode;
        }
        reason = nextReason;
        if (next == PhaseStatus.RUNNING) {
            startedAt = StoredTime.of(at);
        } else if (next.isFinal()) {
            finishedAt = StoredTime.of(at);
        }
    }

    /** Ends a phase the engine will not report on any more: pending ones were not reached, a running one failed. */
    void close(String why, Instant at) {
        if (status == PhaseStatus.PENDING) {
            change(PhaseStatus.SKIPPED, null, null, why, at);
        } else if (status == PhaseStatus.RUNNING) {
            change(PhaseStatus.FAILED, null, null, why, at);
        }
    }
}
