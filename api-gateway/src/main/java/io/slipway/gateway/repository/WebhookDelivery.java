package io.slipway.gateway.repository;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One event on its way to one webhook: the body is fixed when the event is stored, so every attempt sends (and signs)
 * the same bytes. It is {@link Status#PENDING} until the receiver answers 2xx, or until its attempts are used up.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    @Id
    @Column(length = 36)
    private String id;

    /** Null for the global default webhook. */
    @Column(name = "webhook_id", length = 36)
    private String webhookId;

    @Column(name = "app_name", length = 63, nullable = false)
    private String app;

    @Column(name = "deployment_id", length = 36, nullable = false)
    private String deploymentId;

    @Column(length = 32, nullable = false)
    private String event;

    @Column(length = 2048, nullable = false)
    private String url;

    @Column(length = 1048576, nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "webhook_delivery_attempt", joinColumns = @JoinColumn(name = "delivery_id"))
    @OrderBy("number")
    private List<DeliveryAttempt> tries = new ArrayList<>();

    protected WebhookDelivery() {}

    public WebhookDelivery(
            String id,
            String webhookId,
            String app,
            String deploymentId,
            String event,
            String url,
            String payload,
            Instant createdAt) {
        this.id = id;
        this.webhookId = webhookId;
        this.app = app;
        this.deploymentId = deploymentId;
        this.event = event;
        this.url = url;
        this.payload = payload;
        this.status = Status.PENDING;
        this.createdAt = StoredTime.of(createdAt);
        this.nextAttemptAt = this.createdAt;
    }

    public String id() {
        return id;
    }

    public Optional<String> webhookId() {
        return Optional.ofNullable(webhookId);
    }

    public String app() {
        return app;
    }

    public String deploymentId() {
        return deploymentId;
    }

    public String event() {
        return event;
    }

    public String url() {
        return url;
    }

    public String payload() {
        return payload;
    }

    public Status status() {
        return status;
    }

    public Optional<Instant> nextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<DeliveryAttempt> attempts() {
        return List.copyOf(tries);
    }

    /**
     * Records one try; a 2xx delivers it, anything else waits {@code backoff} before the next try, unless that was the
     * last one allowed.
     */
    public void attempted(Instant at, Integer statusCode, String error, int maxAttempts, Duration backoff) {
        attempts++;
        tries.add(new DeliveryAttempt(attempts, at, statusCode, error));
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            status = Status.DELIVERED;
            nextAttemptAt = null;
        } else if (attempts >= maxAttempts) {
            status = Status.FAILED;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = StoredTime.of(at.plus(backoff));
        }
    }

    /** Records a try that was not made because its address is refused: no retry would change that, so it fails. */
    public void refused(Instant at, String reason) {
        attempts++;
        tries.add(new DeliveryAttempt(attempts, at, null, reason));
        status = Status.FAILED;
        nextAttemptAt = null;
    }

    public int attemptCount() {
        return attempts;
    }
}
