package io.slipway.engine.pipeline;

import java.util.List;

/** A phase whose work is several steps, run in order; the first failure ends it. */
final class StepSequence implements Step {

    private final List<Step> steps;

    StepSequence(Step... steps) {
        this.steps = List.of(steps);
    }

    @Override
    public PhaseTransition run(PhaseTransition started, DeploymentContext deployment) throws PhaseFailure {
        for (Step step : steps) {
            step.run(started, deployment);
        }
        return started.succeeded();
    }
}
