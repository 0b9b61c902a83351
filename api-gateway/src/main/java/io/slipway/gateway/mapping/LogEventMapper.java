package io.slipway.gateway.mapping;

import io.slipway.contract.DeploymentEvent;
import io.slipway.gateway.LogEvent;
import io.slipway.gateway.PhaseEvent;
import io.slipway.gateway.repository.LogLine;
import io.slipway.gateway.repository.PhaseChange;

/** Log lines and phase changes, stored or live, as the logs stream sends them. */
public final class LogEventMapper {

    private LogEventMapper() {}

    public static LogEvent toEvent(LogLine line) {
        return new LogEvent(line.phase(), line.stream(), line.seq(), line.line(), line.loggedAt());
    }

    /** As it is stored, so that a live line reads the same as when it is read back later. */
    public static LogEvent toEvent(DeploymentEvent.Log log) {
        return toEvent(new LogLine(log));
    }

    public static PhaseEvent toEvent(PhaseChange change) {
        return new PhaseEvent(
                change.phase(),
                change.status(),
                change.command(),
                change.exitCode(),
                change.reason(),
                change.seq(),
                change.changedAt());
    }

    /** As it is stored, like a live line. */
    public static PhaseEvent toEvent(DeploymentEvent.PhaseChanged change) {
        return toEvent(new PhaseChange(change));
    }
}
