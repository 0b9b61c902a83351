package io.slipway.gateway.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An engine worker the gateway has heard from: its pool, its engine, and when it last reported. */
@Entity
@Table(name = "worker")
public class WorkerRecord {

    public static final int MAX_ID_LENGTH = 255;
    public static final int MAX_ENGINE_LENGTH = 255;

    @Id
    @Column(length = MAX_ID_LENGTH)
    private String id;

    @Column(length = 63, nullable = false)
    private String pool;

    @Column(length = MAX_ENGINE_LENGTH, nullable = false)
    private String engine;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    protected WorkerRecord() {}

    public WorkerRecord(String id, String pool, String engine, Instant lastSeen) {
        this.id = id;
        this.pool = pool;
        this.engine = engine;
        this.lastSeen = StoredTime.of(lastSeen);
    }

    public String id() {
        return id;
    }

    public String pool() {
        return pool;
    }

    public String engine() {
        return engine;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    /** A newer report; an older one (redelivered, replayed) never moves the time back. */
    public void heard(String pool, String engine, Instant at) {
        this.pool = pool;
        this.engine = engine;
        if (at.isAfter(lastSeen)) {
            lastSeen = StoredTime.of(at);
        }
    }
}
