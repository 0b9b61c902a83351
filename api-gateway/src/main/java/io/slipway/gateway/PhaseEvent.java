package io.slipway.gateway;

import io.slipway.contract.PhaseName;
import io.slipway.contract.PhaseStatus;
import java.time.Instant;

/**
 * A phase of a deployment moved to {@code status}, as the logs stream sends it (SSE event name
 * {@code phase}); command, exit code and reason when the engine reported them.
 */
public record PhaseEvent(
        PhaseName phase, PhaseStatus status, String command, Integer exitCode, String reason, long seq, Instant at)
        implements StreamEvent {}
