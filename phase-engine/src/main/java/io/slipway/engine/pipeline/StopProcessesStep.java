package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.router.Router;
import io.slipway.runtime.router.RouterException;
import java.util.List;

/**
 * A stop: the router first answers the app's host that the app is stopped, then, after the wait-to-retire time (for
 * the requests the containers still answer), every process container of the app is stopped and removed. A start
 * runs the current release again.
 */
final class StopProcessesStep implements Step {

    @Override
    public PhaseTransition run(PhaseTransition started, DeploymentContext deployment) throws PhaseFailure {
        Phase phase = started.phase();
        String app = deployment.order().app();
        Router router = deployment.traffic().router();
        List<String> previous = router.upstreams(app);
        try {
            router.stop(app);
        } catch (RouterException e) {
            throw PhaseFailure.failed(phase, "router: " + e.getMessage());
        }
        deployment.onUndo(phase, () -> {
            router.route(app, previous);
            deployment.log(phase, "traffic switched back to " + (previous.isEmpty() ? "no route" : previous));
        });
        deployment.log(phase, "the router answers that " + app + " is stopped (router: " + router.describe() + ")");
        List<ContainerInfo> running = deployment.runtime().listContainers(ContainerLabels.processesOf(app));
        ProcessRetirement.retire(phase, deployment, running);
        return started.succeeded();
    }
}
