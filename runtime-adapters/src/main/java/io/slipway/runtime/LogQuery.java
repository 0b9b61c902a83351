package io.slipway.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * Which part of a container's log to read.
 *
 * @param tail how many of its last lines per stream to start with; {@link #ALL} for every line the engine kept
 * @param since only lines printed at or after this time; empty for no bound
 * @param follow whether to go on with the lines it prints from now on, until it stops or the follow is closed
 */
public record LogQuery(int tail, Optional<Instant> since, boolean follow) {

    public static final int ALL = -1;

    public LogQuery {
        if (tail < ALL) {
            throw new IllegalArgumentException("tail must be " + ALL + " (all) or at least 0, not " + tail);
        }
    }
}
