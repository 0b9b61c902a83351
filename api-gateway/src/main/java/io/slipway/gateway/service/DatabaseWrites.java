package io.slipway.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the database takes the deployment events' writes: failing from the first refused write until one succeeds
 * (a full disk, a closed or unreachable database). Readiness reports it.
 */
@ApplicationScoped
public class DatabaseWrites {

    /** How much of the cause's message is kept: enough to tell a full disk from a closed database. */
    private static final int MAX_REASON_LENGTH = 200;

    /**
     * @param reason the innermost cause's type and first line of its message, never the statement or its values (a
     *     log line's text may hold a secret the task printed)
     */
    public record Failure(Instant since, String reason) {}

    private volatile Failure failure;

    public void failed(RuntimeException error) {
        if (failure == null) {
            failure = new Failure(Instant.now(), reason(error));
        }
    }

    public void succeeded() {
        failure = null;
    }

    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    static String reason(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        String reason = cause.getClass().getSimpleName() + ": " + message;
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH) + "…";
    }
}
