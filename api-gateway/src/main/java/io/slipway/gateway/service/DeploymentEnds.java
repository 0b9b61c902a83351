package io.slipway.gateway.service;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentStatus;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a deployment's end sets off once it is stored: its build context is deleted, and after a success the app's
 * older releases are pruned. The live log of the end is {@link DeploymentLogs}'.
 */
@ApplicationScoped
public class DeploymentEnds {

    private final BuildContexts contexts;
    private final ReleaseRetention retention;

    public DeploymentEnds(BuildContexts contexts, ReleaseRetention retention) {
        this.contexts = contexts;
        this.retention = retention;
    }

    /** Called once per deployment, after its end was stored. */
    void ended(DeploymentEvent.Finished finished) {
        contexts.delete(finished.deploymentId());
        if (finished.status() == DeploymentStatus.SUCCEEDED) {
            retention.pruneReleasesOf(finished.app());
        }
    }
}
