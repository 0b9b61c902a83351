package io.slipway.contract;

/** A phase's status within one deployment. */
public enum PhaseStatus {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    SKIPPED;

    public boolean isFinal() {
        return this != PENDING && this != RUNNING;
    }
}
