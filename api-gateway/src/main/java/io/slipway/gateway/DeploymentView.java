package io.slipway.gateway;

import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.PhaseName;
import io.slipway.contract.PhaseStatus;
import java.time.Instant;
import java.util.List;

/**
 * A deployment as the API shows it.
 *
 * @param image what was asked for; for a build context, the built image once it exists
 * @param releaseImage the image the process containers run (the predeploy commit, or the image itself);
 *     set when the deployment succeeded
 * @param retiredAt when the containers of the release it replaced were stopped and removed, after its end (the
 *     wait-to-retire time); null while they still run, and for a deployment that replaced none
 * @param worker the engine worker that claimed it (remote mode); null when embedded or not claimed yet
 * @param phases every phase, in the order they run
 * @param actor who asked for it: a token's name ({@code bootstrap} for the API token); null for older deployments
 */
public record DeploymentView(
        String id,
        String app,
        DeploymentKind kind,
        DeploymentStatus status,
        String image,
        String releaseImage,
        String reason,
        Long taskTimeoutSeconds,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant retiredAt,
        String worker,
        List<PhaseView> phases,
        String actor) {

    public record PhaseView(
            PhaseName phase,
            PhaseStatus status,
            String command,
            Integer exitCode,
            Instant startedAt,
            Instant finishedAt,
            String reason) {}
}
