package io.slipway.runtime;

/** A container's life-cycle state, folded from the engines' own words. */
public enum ContainerState {
    CREATED,
    RUNNING,
    PAUSED,
    RESTARTING,
    EXITED,
    DEAD,
    UNKNOWN
}
