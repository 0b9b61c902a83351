package io.slipway.gateway.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A URL that receives an app's deployment events, signed with its secret (which is never shown again). */
@Entity
@Table(name = "webhook")
public class Webhook {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "app_name", length = 63, nullable = false)
    private String app;

    @Column(length = 2048, nullable = false)
    private String url;

    @Column(length = 256, nullable = false)
    private String secret;

    /** Comma-separated event names. */
    @Column(length = 256, nullable = false)
    private String events;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Webhook() {}

    public Webhook(String id, String app, String url, String secret, List<String> events, Instant createdAt) {
        this.id = id;
        this.app = app;
        this.url = url;
        this.secret = secret;
        this.events = String.join(",", events);
        this.createdAt = StoredTime.of(createdAt);
    }

    public String id() {
        return id;
    }

    public String app() {
        return app;
    }

    public String url() {
        return url;
    }

    public String secret() {
        return secret;
    }

    public List<String> events() {
        return Arrays.asList(events.split(","));
    }

    public boolean wants(String event) {
        return events().contains(event);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
