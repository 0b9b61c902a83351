package io.slipway.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/** What the engine sends back for an {@link AppLogRequest.Follow}, each naming its {@link #requestId()}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AppLogEvent.Opened.class, name = "opened"),
    @JsonSubTypes.Type(value = AppLogEvent.Line.class, name = "line"),
    @JsonSubTypes.Type(value = AppLogEvent.Release.class, name = "release"),
    @JsonSubTypes.Type(value = AppLogEvent.Ended.class, name = "ended")
})
public sealed interface AppLogEvent {

    String requestId();

    /** An engine took the read: a gateway that hears nothing within {@link AppLogChannels#ANSWER_TIMEOUT} gives up. */
    record Opened(String requestId) implements AppLogEvent {}

    /**
     * One line a process container printed.
     *
     * @param process the process type and its number, e.g. {@code web.1}
     * @param deploymentId the deployment that started the container
     * @param line at most {@link AppLogChannels#MAX_LINE_BYTES} bytes of UTF-8; a longer line is cut there
     * @param at when the engine received it
     */
    record Line(
            String requestId,
            String process,
            String processType,
            String containerId,
            String deploymentId,
            LogStream stream,
            String line,
            Instant at)
            implements AppLogEvent {}

    /** A followed read moved to containers a deployment (or a restart or a scale) started. */
    record Release(String requestId, String deploymentId) implements AppLogEvent {}

    /**
     * The read is over: every line asked for was sent (a read without follow), or {@code error} says why it broke
     * off (the engine failed, the read's lease ran out). Nothing follows it.
     */
    record Ended(String requestId, String error) implements AppLogEvent {}
}
