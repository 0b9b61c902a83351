package io.slipway.gateway.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An API token as stored: its name, role and scope, and a hash of its value, never the value. */
@Entity
@Table(name = "api_token")
public class TokenRecord {

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 100, nullable = false, unique = true)
    private String name;

    @Column(length = 16, nullable = false)
    private String role;

    /** Comma-separated app names; null for every app. */
    @Column(length = 8192)
    private String apps;

    @Column(name = "value_hash", length = 64, nullable = false, unique = true)
    private String valueHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 100, nullable = false)
    private String createdBy;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected TokenRecord() {}

    public TokenRecord(
            String id,
            String name,
            String role,
            Optional<List<String>> apps,
            String valueHash,
            Instant createdAt,
            String createdBy,
            Optional<Instant> expiresAt) {
        this.id = id;
        this.name = name;
        this.role = role;
        this.apps = apps.map(names -> String.join(",", names)).orElse(null);
        this.valueHash = valueHash;
        this.createdAt = StoredTime.of(createdAt);
        this.createdBy = createdBy;
        this.expiresAt = expiresAt.map(StoredTime::of).orElse(null);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String role() {
        return role;
    }

    /** The apps it is limited to; empty for every app. */
    public Optional<List<String>> apps() {
        return Optional.ofNullable(apps).map(names -> Arrays.asList(names.split(",")));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = StoredTime.of(at);
        }
    }
}
