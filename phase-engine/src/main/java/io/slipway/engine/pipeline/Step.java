package io.slipway.engine.pipeline;

/**
 * The work of one kind of phase. A step holds only the data its phase row gives it; everything of
 * the deployment it works on, and the engine, comes through the {@link DeploymentContext}.
 */
interface Step {

    /**
     * How the phase begins for this deployment: {@link PhaseTransition#started} with the command it will
     * run, if any, or {@link PhaseTransition#skipped} and why there is nothing to do.
     *
     * @throws PhaseFailure when the phase cannot even begin
     */
    default PhaseTransition begin(Phase phase, DeploymentContext deployment) throws PhaseFailure {
        return PhaseTransition.started(phase);
    }

    /**
     * Does the work {@code started} announced. Whatever it makes that a failure must take away again
     * it registers with {@link DeploymentContext#onUndo}.
     *
     * @return {@code started}'s success
     * @throws PhaseFailure when the phase fails or is cancelled
     */
    PhaseTransition run(PhaseTransition started, DeploymentContext deployment) throws PhaseFailure;
}
