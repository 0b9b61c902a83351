package io.slipway.gateway.repository;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.PhaseName;
import io.slipway.contract.PhaseStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One phase change of a deployment, numbered by the seq of the event that carried it: the history the
 * logs stream replays, beside {@link DeploymentPhase}, which keeps only each phase's latest state.
 */
@Entity
@Table(name = "phase_change")
public class PhaseChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "deployment_id", length = 36, nullable = false)
    private String deploymentId;

    @Column(nullable = false)
    private long seq;

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

    @Column(length = 4096)
    private String reason;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected PhaseChange() {}

    public PhaseChange(DeploymentEvent.PhaseChanged event) {
        this.deploymentId = event.deploymentId();
        this.seq = event.seq();
        this.phase = event.phase();
        this.status = event.status();
        this.command = event.command();
        this.exitCode = event.exitCode();
        this.reason = event.reason();
        this.changedAt = StoredTime.of(event.at());
    }

    public long seq() {
        return seq;
    }

    public PhaseName phase() {
        return phase;
    }

    public PhaseStatus status() {
        return status;
    }

    public String command() {
        return command;
    }

    public Integer exitCode() {
        return exitCode;
    }

    public String reason() {
        return reason;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
