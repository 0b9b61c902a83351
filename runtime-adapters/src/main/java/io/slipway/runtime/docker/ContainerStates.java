package io.slipway.runtime.docker;

import io.slipway.runtime.ContainerState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Folds the engines' state words into {@link ContainerState}. */
final class ContainerStates {

    /** How both engines' container lists state an exit: "Exited (137) 8 seconds ago". */
    private static final Pattern EXITED = Pattern.compile("^Exited \\((-?\\d{1,9})\\)");

    private ContainerStates() {}

    /** The exit code within a list's status text; 0 when it states none (the container has not exited). */
    static int exitCodeOf(String status) {
        Matcher exited = EXITED.matcher(status == null ? "" : status);
        return exited.find() ? Integer.parseInt(exited.group(1)) : 0;
    }

    /**
     * Whether an inspect's finish time says the container's process ended at least once: both engines
     * answer the zero time ({@code 0001-01-01T00:00:00Z}) until it does, and keep the time of the last
     * end when a restart policy starts it again.
     */
    static boolean hasFinished(String finishedAt) {
        return finishedAt != null && !finishedAt.isBlank() && !finishedAt.startsWith("0001-");
    }

    /** An inspect's time, e.g. its start; empty for the zero time both engines answer before it happened. */
    static Optional<Instant> time(String time) {
        if (!hasFinished(time)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(time).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static ContainerState of(String status) {
        if (status == null) {
            return ContainerState.UNKNOWN;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            // Podman says "configured" or "initialized" for what Docker calls "created", "stopped" for "exited".
            case "created", "configured", "initialized" -> ContainerState.CREATED;
            case "running" -> ContainerState.RUNNING;
            case "paused" -> ContainerState.PAUSED;
            case "restarting" -> ContainerState.RESTARTING;
            case "exited", "stopped" -> ContainerState.EXITED;
            case "dead", "removing" -> ContainerState.DEAD;
            default -> ContainerState.UNKNOWN;
        };
    }
}
