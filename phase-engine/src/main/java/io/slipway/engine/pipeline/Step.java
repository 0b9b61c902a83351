package io.slipway.engine.pipeline;

/**
 * The work of one kind of phase. A step holds only the data its phase row gives it; everything of
 * the deployment it works on, and the engine, comes through the {@link DeploymentContext}.
 */
interface Step {

    /**
     * How the phase begins for this deployment: {@link PhaseEvent#started} with the command it will
     * run, if any, or {@link PhaseEvent#skipped} and why there is nothing to do.
     */
    default PhaseEvent begin(Phase phase, DeploymentContext deployment) {
        return PhaseEvent.started(phase);
    }

    /**
     * Does the work {@code started} announced. Whatever it makes that a failure must take away again
     * it registers with {@link DeploymentContext#onUndo}.
     *
     * @return {@code started}'s success
     * @throws PhaseFailure when the phase fails or is cancelled
     */
    PhaseEvent run(PhaseEvent started, DeploymentContext deployment) throws PhaseFailure;
}
