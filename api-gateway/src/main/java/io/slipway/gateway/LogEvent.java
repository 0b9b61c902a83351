package io.slipway.gateway;

import io.slipway.contract.LogStream;
import io.slipway.contract.PhaseName;
import java.time.Instant;

/** One line of a deployment's output, as the logs stream sends it; {@code seq} is also the event's SSE id. */
public record LogEvent(PhaseName phase, LogStream stream, long seq, String line, Instant at) implements StreamEvent {}
