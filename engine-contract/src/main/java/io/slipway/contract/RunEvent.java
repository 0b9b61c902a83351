package io.slipway.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * What a one-off run reports on {@link Channels#RUN_EVENTS}, keyed by run id: {@code seq} numbers every event of
 * one run from 1 without gaps, so a consumer can drop redelivered events; {@link Finished} is always the last.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RunEvent.Started.class, name = "started"),
    @JsonSubTypes.Type(value = RunEvent.Output.class, name = "output"),
    @JsonSubTypes.Type(value = RunEvent.Finished.class, name = "finished")
})
public sealed interface RunEvent {

    String runId();

    String app();

    long seq();

    Instant at();

    /** The run's container started. */
    record Started(String runId, String app, long seq, Instant at) implements RunEvent {}

    /** One line the command printed. */
    record Output(String runId, String app, long seq, Instant at, LogStream stream, String line) implements RunEvent {}

    /**
     * The run ended and its container is removed.
     *
     * @param exitCode the command's exit code when it exited by itself
     * @param reason why it failed, timed out or was cancelled; the engine's own message when the engine failed
     */
    record Finished(String runId, String app, long seq, Instant at, RunStatus status, Integer exitCode, String reason)
            implements RunEvent {

        /** The reason of a run that a restart of the gateway cut short. */
        public static final String INTERRUPTED = "interrupted";
    }
}
