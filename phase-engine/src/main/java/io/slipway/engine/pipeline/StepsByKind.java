package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentKind;
import java.util.EnumMap;
import java.util.Map;

/** A phase whose work depends on the deployment's kind: the kinds named do their own step, every other the usual one. */
final class StepsByKind implements Step {

    private final Step usual;
    private final Map<DeploymentKind, Step> own;

    StepsByKind(Step usual, Map<DeploymentKind, Step> own) {
        this.usual = usual;
        this.own = new EnumMap<>(own);
    }

    /** The step a deployment of {@code kind} runs. */
    Step stepFor(DeploymentKind kind) {
        return own.getOrDefault(kind, usual);
    }

    @Override
    public PhaseTransition run(PhaseTransition started, DeploymentContext deployment) throws PhaseFailure {
        return stepFor(deployment.order().kind()).run(started, deployment);
    }
}
