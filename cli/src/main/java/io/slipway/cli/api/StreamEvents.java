package io.slipway.cli.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** The data of a deployment log stream's events. */
public final class StreamEvents {

    /** The SSE event name of a phase change; lines are unnamed events. */
    public static final String PHASE = "phase";

    private StreamEvents() {}

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String phase, String stream, long seq, String line, Instant at) {}

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhaseChange(
            String phase, String status, String command, Integer exitCode, String reason, long seq, Instant at) {}
}
