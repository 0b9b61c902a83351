package io.slipway.gateway.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit log: who did or tried what, on which app, and how it ended. Never a value or a token. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false)
    private Instant at;

    @Column(length = 100)
    private String actor;

    @Column(length = 16)
    private String role;

    @Column(length = 300, nullable = false)
    private String action;

    @Column(name = "app_name", length = 63)
    private String app;

    @Column(length = 100)
    private String target;

    @Column(length = 16, nullable = false)
    private String outcome;

    private Integer status;

    @Column(name = "source_address", length = 64)
    private String sourceAddress;

    protected AuditEntry() {}

    public AuditEntry(
            String id,
            Instant at,
            String actor,
            String role,
            String action,
            String app,
            String target,
            String outcome,
            Integer status,
            String sourceAddress) {
        this.id = id;
        this.at = StoredTime.of(at);
        this.actor = actor;
        this.role = role;
        this.action = action;
        this.app = app;
        this.target = target;
        this.outcome = outcome;
        this.status = status;
        this.sourceAddress = sourceAddress;
    }

    public String id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String role() {
        return role;
    }

    public String action() {
        return action;
    }

    public String app() {
        return app;
    }

    public String target() {
        return target;
    }

    public String outcome() {
        return outcome;
    }

    public Integer status() {
        return status;
    }

    public String sourceAddress() {
        return sourceAddress;
    }
}
