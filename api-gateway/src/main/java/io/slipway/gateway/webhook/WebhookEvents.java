package io.slipway.gateway.webhook;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.PhaseStatus;
import java.util.List;
import java.util.Optional;

/** The deployment events webhooks receive, and which event of the engine's each one is. */
public final class WebhookEvents {

    public static final String STARTED = "deployment.started";
    public static final String PHASE_FAILED = "deployment.phase_failed";
    public static final String FINISHED = "deployment.finished";

    /** In the order a deployment sends them. */
    public static final List<String> ALL = List.of(STARTED, PHASE_FAILED, FINISHED);

    private WebhookEvents() {}

    /** The webhook event an applied engine event is, if any. */
    static Optional<String> of(DeploymentEvent event) {
        if (event instanceof DeploymentEvent.Started) {
            return Optional.of(STARTED);
        }
        if (event instanceof DeploymentEvent.PhaseChanged change && change.status() == PhaseStatus.FAILED) {
            return Optional.of(PHASE_FAILED);
        }
        if (event instanceof DeploymentEvent.Finished) {
            return Optional.of(FINISHED);
        }
        return Optional.empty();
    }
}
