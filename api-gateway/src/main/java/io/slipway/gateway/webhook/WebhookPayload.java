package io.slipway.gateway.webhook;

import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.PhaseName;
import io.slipway.contract.PhaseStatus;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The JSON body of a delivery: the event and the deployment as it stands when the event is stored. Config values
 * are never part of it; reasons come masked from the engine.
 *
 * @param phase the phase that failed, for {@code deployment.phase_failed}
 */
public record WebhookPayload(
        String event, String deliveryId, Instant at, String app, DeploymentSummary deployment, PhaseName phase) {

    /**
     * The deployment: its status and reason, and each phase with its exit code and duration.
     *
     * @param actor who asked for it: a token's name ({@code bootstrap} for the API token)
     */
    public record DeploymentSummary(
            String id,
            DeploymentStatus status,
            String reason,
            String image,
            String releaseImage,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            List<PhaseSummary> phases,
            String actor) {

        static DeploymentSummary of(Deployment deployment) {
            return new DeploymentSummary(
                    deployment.id(),
                    deployment.status(),
                    deployment.reason().orElse(null),
                    deployment.image().orElse(null),
                    deployment.releaseImage().orElse(null),
                    deployment.createdAt(),
                    deployment.startedAt().orElse(null),
                    deployment.finishedAt().orElse(null),
                    deployment.phases().stream().map(PhaseSummary::of).toList(),
                    deployment.actor().orElse(null));
        }
    }

    /** @param durationMillis from start to end, once the phase ran and ended */
    public record PhaseSummary(
            PhaseName phase, PhaseStatus status, Integer exitCode, String reason, Long durationMillis) {

        static PhaseSummary of(DeploymentPhase phase) {
            Long duration = phase.startedAt().isPresent() && phase.finishedAt().isPresent()
                    ? Duration.between(
                                    phase.startedAt().get(), phase.finishedAt().get())
                            .toMillis()
                    : null;
            return new PhaseSummary(
                    phase.phase(),
                    phase.status(),
                    phase.exitCode().orElse(null),
                    phase.reason().orElse(null),
                    duration);
        }
    }
}
