package io.slipway.runtime.docker;

import io.slipway.runtime.ContainerState;
import java.util.Locale;

/** Folds the engines' state words into {@link ContainerState}. */
final class ContainerStates {

    private ContainerStates() {}

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
