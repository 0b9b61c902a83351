package io.slipway.contract;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A one-off run's status, and the only moves allowed between them. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    /** The command exited 0. */
    SUCCEEDED,
    /** The command exited non-zero, or the run could not start or finish (the reason says why). */
    FAILED,
    TIMED_OUT,
    CANCELLED;

    private static final Set<RunStatus> ENDS = EnumSet.of(SUCCEEDED, FAILED, TIMED_OUT, CANCELLED);

    private static final Map<RunStatus, Set<RunStatus>> ALLOWED_MOVES = Map.of(
            QUEUED, EnumSet.of(RUNNING, SUCCEEDED, FAILED, TIMED_OUT, CANCELLED),
            RUNNING, ENDS,
            SUCCEEDED, EnumSet.noneOf(RunStatus.class),
            FAILED, EnumSet.noneOf(RunStatus.class),
            TIMED_OUT, EnumSet.noneOf(RunStatus.class),
            CANCELLED, EnumSet.noneOf(RunStatus.class));

    public boolean canMoveTo(RunStatus next) {
        return ALLOWED_MOVES.get(this).contains(next);
    }

    public boolean isFinal() {
        return ALLOWED_MOVES.get(this).isEmpty();
    }
}
