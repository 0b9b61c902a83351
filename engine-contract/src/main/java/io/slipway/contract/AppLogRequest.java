package io.slipway.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * What a gateway asks of the engine about one client's read of an app's logs (see {@link AppLogChannels}): start
 * it, keep it alive, end it. The engine answers with {@link AppLogEvent}s naming the same {@link #requestId()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AppLogRequest.Follow.class, name = "follow"),
    @JsonSubTypes.Type(value = AppLogRequest.Renew.class, name = "renew"),
    @JsonSubTypes.Type(value = AppLogRequest.Stop.class, name = "stop")
})
public sealed interface AppLogRequest {

    /** A UUID the gateway chose for this read. */
    String requestId();

    String app();

    /**
     * Starts a read of the app's running process containers.
     *
     * @param processType only containers of this process type; null for all
     * @param tail lines per container to start with, at most {@link AppLogChannels#MAX_TAIL}
     * @param since only lines printed at or after it; null for no bound
     * @param follow whether to go on with new lines, and with new containers, until the read is stopped or its
     *     lease runs out; else the read ends once the lines asked for are sent
     */
    record Follow(String requestId, String app, String processType, int tail, Instant since, boolean follow)
            implements AppLogRequest {}

    /** The reader is still there: the read lives on for another {@link AppLogChannels#LEASE}. */
    record Renew(String requestId, String app) implements AppLogRequest {}

    /** The reader went away: the read ends without a word. */
    record Stop(String requestId, String app) implements AppLogRequest {}
}
