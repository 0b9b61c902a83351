package io.slipway.runtime;

/** Why a task container stopped. */
public enum TaskOutcome {
    /** The command finished by itself, with any exit code. */
    EXITED,
    /** The task ran past its timeout and was killed. */
    TIMED_OUT,
    /** The task was killed because its cancellation was signalled. */
    CANCELLED,
    /** The engine killed the task for using more memory than its limit. */
    OUT_OF_MEMORY
}
