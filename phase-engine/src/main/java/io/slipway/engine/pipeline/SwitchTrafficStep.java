package io.slipway.engine.pipeline;

import io.slipway.manifest.ProcessTypes;
import io.slipway.runtime.router.Router;
import io.slipway.runtime.router.RouterException;
import java.util.ArrayList;
import java.util.List;

/**
 * The switch: once the new containers proved themselves, the app's route is pointed at the new web
 * containers in one change of the router. A later failure (POSTDEPLOY) points it back at the previous
 * release's containers, which still run, before the new ones are removed.
 */
final class SwitchTrafficStep implements Step {

    @Override
    public PhaseTransition run(PhaseTransition started, DeploymentContext deployment) throws PhaseFailure {
        Phase phase = started.phase();
        String app = deployment.order().app();
        List<String> upstreams = new ArrayList<>();
        for (StartedProcess process : deployment.startedProcesses()) {
            // The last look before the switch: nothing that broke since its start gets traffic.
            var info = ProcessWatch.requireUp(phase, deployment, process);
            if (process.isWeb()) {
                info.address().ifPresent(upstreams::add);
            }
        }
        if (deployment
                .order()
                .processType()
                .filter(type -> !type.equals(ProcessTypes.WEB))
                .isPresent()) {
            deployment.log(phase, "traffic unchanged: no web container was replaced");
            return started.succeeded();
        }
        Router router = deployment.traffic().router();
        List<String> previous = router.upstreams(app);
        boolean wasStopped = router.isStopped(app);
        try {
            router.route(app, upstreams);
        } catch (RouterException e) {
            throw PhaseFailure.failed(phase, "router: " + e.getMessage());
        }
        deployment.onUndo(phase, () -> {
            // A stopped app that failed to start stays stopped, its page shown again.
            if (wasStopped) {
                router.stop(app);
                deployment.log(phase, "the router answers again that " + app + " is stopped");
                return;
            }
            router.route(app, previous);
            deployment.log(phase, "traffic switched back to " + (previous.isEmpty() ? "no route" : previous));
        });
        deployment.log(phase, "traffic switched to " + upstreams + " (router: " + router.describe() + ")");
        return started.succeeded();
    }
}
