package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerState;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a new process container has been up without a break since it started, decided from what the
 * engine remembers (its restart count, and whether its process ever ended) rather than from the state
 * it happens to be in when asked: a process that crashes and is restarted by the engine's restart policy
 * is "running" most of the time, and would pass a sampled check.
 */
final class ProcessVerdict {

    private ProcessVerdict() {}

    /** Why the container cannot be trusted with traffic; empty while it has stayed up since its start. */
    static Optional<String> problem(ContainerInfo container) {
        if (container.restartCount() > 0) {
            return Optional.of("restarted " + container.restartCount() + " time"
                    + (container.restartCount() == 1 ? "" : "s") + " (last exit code " + container.exitCode() + ")");
        }
        if (container.hasExited()
                || container.state() == ContainerState.EXITED
                || container.state() == ContainerState.DEAD) {
            return Optional.of("exited with code " + container.exitCode());
        }
        if (container.state() == ContainerState.RESTARTING) {
            return Optional.of("is being restarted");
        }
        if (container.state() == ContainerState.PAUSED || container.state() == ContainerState.UNKNOWN) {
            return Optional.of("is " + container.state().name().toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    /** Whether it has reached running (and not broken since): a created container has not yet. */
    static boolean isUp(ContainerInfo container) {
        return container.state() == ContainerState.RUNNING && problem(container).isEmpty();
    }
}
