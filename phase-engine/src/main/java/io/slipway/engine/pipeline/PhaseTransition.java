package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.PhaseStatus;
import java.util.Objects;

/**
 * A phase's move to a new status, before the {@link EventRecorder} numbers and stamps it into a
 * {@link DeploymentEvent.PhaseChanged}. Made only through the factories, which say which fields
 * each status carries.
 *
 * @param command the command the phase runs, when it runs one
 * @param exitCode the exit code of that command, once known
 * @param reason why the phase was skipped or failed
 */
record PhaseTransition(Phase phase, PhaseStatus status, String command, Integer exitCode, String reason) {

    PhaseTransition {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(status, "status");
    }

    /** The phase starts work that runs no command of the manifests' (a build, starting processes). */
    static PhaseTransition started(Phase phase) {
        return started(phase, null);
    }

    static PhaseTransition started(Phase phase, String command) {
        return new PhaseTransition(phase, PhaseStatus.RUNNING, command, null, null);
    }

    static PhaseTransition skipped(Phase phase, String reason) {
        return new PhaseTransition(phase, PhaseStatus.SKIPPED, null, null, Objects.requireNonNull(reason, "reason"));
    }

    /** @param exitCode null when the failure was no exit of a command (a timeout, an engine error) */
    static PhaseTransition failed(Phase phase, String reason, Integer exitCode) {
        return new PhaseTransition(phase, PhaseStatus.FAILED, null, exitCode, Objects.requireNonNull(reason, "reason"));
    }

    /** This started phase succeeded; its command, if any, exited with {@code exitCode}. */
    PhaseTransition succeeded(Integer exitCode) {
        return new PhaseTransition(phase, PhaseStatus.SUCCEEDED, command, exitCode, null);
    }

    /** This started phase succeeded without a command of its own. */
    PhaseTransition succeeded() {
        return succeeded(null);
    }

    boolean isStarted() {
        return status == PhaseStatus.RUNNING;
    }
}
