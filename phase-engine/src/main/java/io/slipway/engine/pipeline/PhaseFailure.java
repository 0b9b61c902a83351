package io.slipway.engine.pipeline;

/** Ends a deployment: a phase failed, or the deployment was cancelled while in it. */
final class PhaseFailure extends Exception {

    private final Phase phase;
    private final Integer exitCode;
    private final boolean cancelled;

    private PhaseFailure(Phase phase, String reason, Integer exitCode, boolean cancelled) {
        super(reason);
        this.phase = phase;
        this.exitCode = exitCode;
        this.cancelled = cancelled;
    }

    static PhaseFailure failed(Phase phase, String reason) {
        return new PhaseFailure(phase, reason, null, false);
    }

    static PhaseFailure exited(Phase phase, int exitCode) {
        return new PhaseFailure(phase, phase.id() + " exited with code " + exitCode, exitCode, false);
    }

    /** The engine killed the phase's task for going over its memory limit. */
    static PhaseFailure outOfMemory(Phase phase, int exitCode) {
        return new PhaseFailure(phase, "out of memory", exitCode, false);
    }

    static PhaseFailure cancelled(Phase phase) {
        return new PhaseFailure(phase, "cancelled", null, true);
    }

    /** The phase it happened in; null when it happened before the first phase (manifests). */
    Phase phase() {
        return phase;
    }

    Integer exitCode() {
        return exitCode;
    }

    boolean cancelled() {
        return cancelled;
    }

    String reason() {
        return getMessage();
    }
}
