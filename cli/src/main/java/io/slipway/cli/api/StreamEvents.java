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

    /** The SSE event name of an app log stream's move to a new deployment's containers. */
    public static final String RELEASE = "release";

    /** The SSE event name that ends a stream which broke off, or a run that failed without an exit code. */
    public static final String ERROR = "error";

    /** The SSE event name of a run's last event, the run as it ended. */
    public static final String END = "end";

    /** A line of an app's process output. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AppLine(String process, String type, String stream, String line, Instant at) {}

    /** The data of an {@code error} event of an app log stream. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failure(String detail) {}
}
