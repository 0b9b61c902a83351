package io.slipway.gateway;

import io.slipway.contract.LogStream;
import java.time.Instant;

/** One line of a run's output, as its logs stream sends it; {@code seq} is also the event's SSE id. */
public record RunLogEvent(LogStream stream, long seq, String line, Instant at) {}
