package io.slipway.contract;

import java.util.Arrays;

/** A process container's state, as the engine reports it and the API shows it. */
public enum ProcessState {
    CREATED,
    RUNNING,
    PAUSED,
    RESTARTING,
    EXITED,
    DEAD,
    /** Not known: the engine did not say, or its report is stale. */
    UNKNOWN;

    /** The state a report names; {@link #UNKNOWN} for a name this version does not know. */
    public static ProcessState named(String name) {
        return Arrays.stream(values())
                .filter(state -> state.name().equals(name))
                .findFirst()
                .orElse(UNKNOWN);
    }
}
