package io.slipway.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the worker that holds an interactive run sends back for a {@link ConsoleRequest.Attach}, each naming the run
 * and the session; in order, since all of a run's go to one partition.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ConsoleEvent.Opened.class, name = "opened"),
    @JsonSubTypes.Type(value = ConsoleEvent.NotWaiting.class, name = "not-waiting"),
    @JsonSubTypes.Type(value = ConsoleEvent.Print.class, name = "print"),
    @JsonSubTypes.Type(value = ConsoleEvent.Ended.class, name = "ended")
})
public sealed interface ConsoleEvent {

    String runId();

    String sessionId();

    /** The run's console runs: its container started with the session's client attached. */
    record Opened(String runId, String sessionId) implements ConsoleEvent {}

    /** The worker holds the run, but not for this session: another client attached, or it ended. */
    record NotWaiting(String runId, String sessionId) implements ConsoleEvent {}

    /**
     * Bytes the console's TTY printed, at most {@link ConsoleChannels#MAX_PRINT_BYTES}.
     *
     * @param frame from 1 per session, one more for each print
     */
    record Print(String runId, String sessionId, long frame, byte[] output) implements ConsoleEvent {}

    /**
     * The run ended and its container is removed; nothing follows it.
     *
     * @param exitCode the command's exit code when it exited by itself, else null
     */
    record Ended(String runId, String sessionId, RunStatus status, Integer exitCode) implements ConsoleEvent {}
}
