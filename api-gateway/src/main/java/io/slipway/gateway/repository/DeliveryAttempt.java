package io.slipway.gateway.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Optional;

/** One try to deliver a webhook: the receiver's HTTP status, or why there was none. */
@Embeddable
public class DeliveryAttempt {

    @Column(name = "attempt", nullable = false)
    private int number;

    @Column(name = "attempted_at", nullable = false)
    private Instant at;

    @Column(name = "status_code")
    private Integer statusCode;

    @Column(name = "error", length = 1024)
    private String error;

    protected DeliveryAttempt() {}

    DeliveryAttempt(int number, Instant at, Integer statusCode, String error) {
        this.number = number;
        this.at = StoredTime.of(at);
        this.statusCode = statusCode;
        this.error = error == null || error.length() <= 1024 ? error : error.substring(0, 1024);
    }

    public int number() {
        return number;
    }

    public Instant at() {
        return at;
    }

    public Optional<Integer> statusCode() {
        return Optional.ofNullable(statusCode);
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }
}
