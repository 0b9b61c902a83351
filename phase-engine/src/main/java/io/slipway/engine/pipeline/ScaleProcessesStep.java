package io.slipway.engine.pipeline;

import io.slipway.manifest.ProcessTypes;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.router.Router;
import io.slipway.runtime.router.RouterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A scale: the running release's containers of each type the order names are added or removed to match its
 * formation; types it does not name keep theirs. Added containers start and prove themselves (web ones pass their
 * checks) before the route includes them; removed ones leave the route first, then are retired.
 */
final class ScaleProcessesStep implements Step {

    private final WebChecksStep checks = new WebChecksStep();

    @Override
    public PhaseTransition run(PhaseTransition started, DeploymentContext deployment) throws PhaseFailure {
        Phase phase = started.phase();
        String app = deployment.order().app();
        // A replaced release's containers waiting for their retirement are no longer part of what runs.
        Set<String> retiring = deployment.retiring();
        List<ContainerInfo> running = deployment.runtime().listContainers(ContainerLabels.processesOf(app)).stream()
                .filter(container -> !retiring.contains(container.id()))
                .toList();
        ScaleChange change = ScaleChange.of(
                deployment.order().formation().keySet(), StartProcessesStep.plan(phase, deployment), running);
        if (change.isEmpty()) {
            deployment.log(phase, "nothing to change: the running containers match the formation");
            return started.succeeded();
        }
        StartProcessesStep.startAll(phase, deployment, change.added());
        checks.run(started, deployment);
        List<String> upstreams = new ArrayList<>();
        for (ContainerInfo kept : change.kept()) {
            if (ProcessTypes.WEB.equals(kept.labels().get(ContainerLabels.PROCESS_TYPE))) {
                kept.address().ifPresent(upstreams::add);
            }
        }
        for (StartedProcess process : deployment.startedProcesses()) {
            if (process.isWeb()) {
                ProcessWatch.requireUp(phase, deployment, process).address().ifPresent(upstreams::add);
            }
        }
        Router router = deployment.traffic().router();
        List<String> previous = router.upstreams(app);
        if (!upstreams.equals(previous)) {
            try {
                router.route(app, upstreams);
            } catch (RouterException e) {
                throw PhaseFailure.failed(phase, "router: " + e.getMessage());
            }
            deployment.onUndo(phase, () -> router.route(app, previous));
            deployment.log(phase, "traffic switched to " + upstreams + " (router: " + router.describe() + ")");
        }
        ProcessRetirement.retire(phase, deployment, change.removed());
        return started.succeeded();
    }
}
