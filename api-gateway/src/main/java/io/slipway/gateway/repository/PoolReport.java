package io.slipway.gateway.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * What the newest report of a pool's engine said about the engine: when it came, why it did not list its containers,
 * and whether it enforces limits. The pool's {@link ReportedProcess} rows are what it listed last.
 */
@Entity
@Table(name = "pool_report")
public class PoolReport {

    public static final int MAX_ERROR_LENGTH = 500;

    @Id
    @Column(length = 63)
    private String pool;

    @Column(length = WorkerRecord.MAX_ENGINE_LENGTH, nullable = false)
    private String engine;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    @Column(name = "engine_error", length = MAX_ERROR_LENGTH)
    private String engineError;

    @Column(name = "enforces_limits")
    private Boolean enforcesLimits;

    protected PoolReport() {}

    public PoolReport(String pool) {
        this.pool = pool;
    }

    /**
     * @param engineError why the engine did not list its containers; null when it did
     * @param enforcesLimits null when the report did not say
     */
    public void reported(String engine, Instant at, String engineError, Boolean enforcesLimits) {
        this.engine = engine;
        this.reportedAt = StoredTime.of(at);
        this.engineError = engineError == null || engineError.length() <= MAX_ERROR_LENGTH
                ? engineError
                : engineError.substring(0, MAX_ERROR_LENGTH);
        this.enforcesLimits = enforcesLimits;
    }

    public String pool() {
        return pool;
    }

    public String engine() {
        return engine;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public Optional<String> engineError() {
        return Optional.ofNullable(engineError);
    }

    public Optional<Boolean> enforcesLimits() {
        return Optional.ofNullable(enforcesLimits);
    }
}
