package io.slipway.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a gateway asks of the worker that holds an interactive run about its console (see {@link ConsoleChannels}).
 * Each names the run and the session, a UUID the gateway chose for one client's attach; the worker answers with
 * {@link ConsoleEvent}s naming both. What the client sends is numbered ({@link #frame()}, from 1 per session) so that
 * a worker applies each once and in order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ConsoleRequest.Attach.class, name = "attach"),
    @JsonSubTypes.Type(value = ConsoleRequest.Type.class, name = "type"),
    @JsonSubTypes.Type(value = ConsoleRequest.Resize.class, name = "resize"),
    @JsonSubTypes.Type(value = ConsoleRequest.Renew.class, name = "renew"),
    @JsonSubTypes.Type(value = ConsoleRequest.Detach.class, name = "detach")
})
public sealed interface ConsoleRequest {

    String runId();

    String sessionId();

    /** The number of a client's frame; 0 for requests that are not one. */
    default long frame() {
        return 0;
    }

    /**
     * A client attaches: the worker that holds the run waiting starts its console and answers {@link
     * ConsoleEvent.Opened}; one that holds it with another client answers {@link ConsoleEvent.NotWaiting}; the others
     * say nothing. Sent again until answered; a worker answers the same session once.
     */
    record Attach(String runId, String sessionId) implements ConsoleRequest {}

    /** Bytes the client typed, for the console's stdin. */
    record Type(String runId, String sessionId, long frame, byte[] input) implements ConsoleRequest {}

    /** The client's terminal has a new size. */
    record Resize(String runId, String sessionId, long frame, int columns, int rows) implements ConsoleRequest {}

    /** The client is still there: the console lives on for another {@link ConsoleChannels#LEASE}. */
    record Renew(String runId, String sessionId) implements ConsoleRequest {}

    /** The client went away: the console's container is killed and the run ends {@code CANCELLED}. */
    record Detach(String runId, String sessionId) implements ConsoleRequest {}
}
