package io.slipway.contract;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A deployment's status, and the only moves allowed between them. */
public enum DeploymentStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    private static final Map<DeploymentStatus, Set<DeploymentStatus>> ALLOWED_MOVES = Map.of(
            QUEUED, EnumSet.of(RUNNING, FAILED, CANCELLED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED),
            SUCCEEDED, EnumSet.noneOf(DeploymentStatus.class),
            FAILED, EnumSet.noneOf(DeploymentStatus.class),
            CANCELLED, EnumSet.noneOf(DeploymentStatus.class));

    public boolean canMoveTo(DeploymentStatus next) {
        return ALLOWED_MOVES.get(this).contains(next);
    }

    public boolean isFinal() {
        return ALLOWED_MOVES.get(this).isEmpty();
    }
}
