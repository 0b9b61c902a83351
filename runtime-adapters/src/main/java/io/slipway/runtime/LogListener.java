package io.slipway.runtime;

import java.time.Instant;
import java.util.Optional;

/** Receives a container's log, line by line, on a thread of the runtime's, then its end once. */
public interface LogListener {

    /**
     * @param at when the engine received the line
     * @param line the line without its terminator; a line longer than the runtime's line bound arrives in pieces
     */
    void onLine(OutputChannel stream, Instant at, String line);

    /**
     * The log ended: the container stopped or is gone, or the lines asked for were read (then {@code failure} is
     * empty); or the engine failed, with its message. Not called once the read was {@link LogFollow#close closed}.
     */
    void onEnd(Optional<ContainerRuntimeException> failure);
}
