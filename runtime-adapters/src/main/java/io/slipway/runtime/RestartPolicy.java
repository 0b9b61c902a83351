package io.slipway.runtime;

/** What the engine does when a process container's main process exits. */
public enum RestartPolicy {
    NO,
    ON_FAILURE,
    UNLESS_STOPPED,
    ALWAYS
}
