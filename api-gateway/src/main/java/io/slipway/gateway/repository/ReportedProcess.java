package io.slipway.gateway.repository;

import io.slipway.contract.WorkerStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A process container as the engine of its pool last reported it. */
@Entity
@Table(name = "process_container")
public class ReportedProcess {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(length = 63, nullable = false)
    private String pool;

    @Column(name = "app_name", length = 63, nullable = false)
    private String app;

    @Column(name = "process_type", length = 63)
    private String type;

    @Column(name = "container_id", length = 128, nullable = false)
    private String containerId;

    @Column(length = 255)
    private String name;

    @Column(length = 16, nullable = false)
    private String state;

    @Column(length = 64)
    private String address;

    @Column(name = "deployment_id", length = 36)
    private String deploymentId;

    private Integer restarts;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    protected ReportedProcess() {}

    public ReportedProcess(String pool, WorkerStatus.ProcessContainer process, Instant reportedAt) {
        this.pool = pool;
        this.app = process.app();
        this.type = process.type();
        this.containerId = process.containerId();
        this.name = process.name();
        this.state = process.state();
        this.address = process.address();
        this.deploymentId = process.deploymentId();
        this.restarts = process.restarts();
        this.startedAt = process.startedAt() == null ? null : StoredTime.of(process.startedAt());
        this.reportedAt = StoredTime.of(reportedAt);
    }

    /** Whether it fits the columns; a report is bounded by them, and what does not fit is no container of ours. */
    public static boolean fits(WorkerStatus.ProcessContainer process) {
        return within(process.app(), 63, false)
                && within(process.type(), 63, true)
                && within(process.containerId(), 128, false)
                && within(process.name(), 255, true)
                && within(process.state(), 16, false)
                && within(process.address(), 64, true)
                && within(process.deploymentId(), 36, true);
    }

    private static boolean within(String value, int length, boolean optional) {
        return value == null ? optional : value.length() <= length;
    }

    public String pool() {
        return pool;
    }

    public String app() {
        return app;
    }

    public String type() {
        return type;
    }

    public String containerId() {
        return containerId;
    }

    public String name() {
        return name;
    }

    public String state() {
        return state;
    }

    public String address() {
        return address;
    }

    public String deploymentId() {
        return deploymentId;
    }

    /** How often the engine restarted it; null when its engine did not say. */
    public Integer restarts() {
        return restarts;
    }

    /** When its process last started; null when its engine did not say. */
    public Instant startedAt() {
        return startedAt;
    }

    public Instant reportedAt() {
        return reportedAt;
    }
}
