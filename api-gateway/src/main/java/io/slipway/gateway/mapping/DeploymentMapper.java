package io.slipway.gateway.mapping;

import io.slipway.gateway.DeploymentView;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentPhase;
import java.time.Duration;

/** Deployments as the API shows them. */
public final class DeploymentMapper {

    private DeploymentMapper() {}

    public static DeploymentView toView(Deployment deployment) {
        return new DeploymentView(
                deployment.id(),
                deployment.app(),
                deployment.kind(),
                deployment.status(),
                deployment.image().orElse(null),
                deployment.releaseImage().orElse(null),
                deployment.reason().orElse(null),
                deployment.taskTimeout().map(Duration::toSeconds).orElse(null),
                deployment.createdAt(),
                deployment.startedAt().orElse(null),
                deployment.finishedAt().orElse(null),
                deployment.retirement().retiredAt().orElse(null),
                deployment.workerId().orElse(null),
                deployment.phases().stream().map(DeploymentMapper::toView).toList(),
                deployment.actor().orElse(null));
    }

    private static DeploymentView.PhaseView toView(DeploymentPhase phase) {
        return new DeploymentView.PhaseView(
                phase.phase(),
                phase.status(),
                phase.command().orElse(null),
                phase.exitCode().orElse(null),
                phase.startedAt().orElse(null),
                phase.finishedAt().orElse(null),
                phase.reason().orElse(null));
    }
}
