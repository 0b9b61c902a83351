package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentOrder;
import io.slipway.manifest.ProcessTypes;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ProcessSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the release's process containers (see {@link ProcessPlan}; a restart of one process type only that type's)
 * beside the running release, web containers publishing {@code PORT} on a loopback port of the host, and succeeds
 * once each runs.
 */
final class StartProcessesStep implements Step {

    @Override
    public PhaseTransition run(PhaseTransition started, DeploymentContext deployment) throws PhaseFailure {
        Phase phase = started.phase();
        DeploymentOrder order = deployment.order();
        List<ProcessPlan.Process> plan = plan(phase, deployment).stream()
                .filter(process ->
                        order.processType().map(process.type()::equals).orElse(true))
                .toList();
        startAll(phase, deployment, plan);
        return started.succeeded();
    }

    /** The containers the formation asks for. */
    static List<ProcessPlan.Process> plan(Phase phase, DeploymentContext deployment) throws PhaseFailure {
        try {
            return ProcessPlan.resolve(
                    deployment.order().formation(),
                    deployment.manifests(),
                    deployment.imageDetails(),
                    deployment.processLimit());
        } catch (IllegalArgumentException e) {
            throw PhaseFailure.failed(phase, e.getMessage());
        }
    }

    /** Starts {@code plan}'s containers, labelled with this deployment, and waits until each runs. */
    static void startAll(Phase phase, DeploymentContext deployment, List<ProcessPlan.Process> plan)
            throws PhaseFailure {
        DeploymentOrder order = deployment.order();
        ContainerRuntime runtime = deployment.runtime();
        deployment.onUndo(phase, () -> removeProcessesOf(phase, deployment));
        int port = deployment.settings().port();
        for (ProcessPlan.Process process : plan) {
            deployment.throwIfCancelled(phase);
            List<String> cmd = process.command().isPresent()
                    ? deployment.containerCmd(phase, process.command().get())
                    : List.of();
            String id = runtime.startProcess(new ProcessSpec(
                    deployment.releaseImage(),
                    process.name(order.app(), order.deploymentId()),
                    cmd,
                    ContainerEnvironment.forProcess(order, process.type(), port),
                    ContainerLabels.process(order.app(), order.deploymentId(), process.type()),
                    process.type().equals(ProcessTypes.WEB) ? Optional.of(port) : Optional.empty(),
                    EngineLimits.of(order.limits().process(process.type())),
                    Optional.of(deployment.network().processes())));
            StartedProcess startedProcess = new StartedProcess(process.type(), process.index(), id);
            deployment.started(startedProcess);
            deployment.log(phase, "started " + startedProcess.label() + " as " + shortId(id));
        }
        ProcessWatch.awaitRunning(phase, deployment, deployment.startedProcesses());
    }

    /**
     * Every process container of this deployment, found by its labels: also one whose start went wrong.
     * Each is tried on its own and retried, so one the engine refuses leaves none of the others running.
     */
    private static void removeProcessesOf(Phase phase, DeploymentContext deployment) {
        DeploymentOrder order = deployment.order();
        Map<String, String> ours = new HashMap<>(ContainerLabels.processesOf(order.app()));
        ours.put(ContainerLabels.DEPLOYMENT, order.deploymentId());
        ContainerRuntime runtime = deployment.runtime();
        new ContainerRemoval(runtime, Duration.ZERO)
                .stopAndRemove(runtime.listContainers(ours))
                .forEach(problem -> deployment.log(phase, "cleanup incomplete: " + problem));
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
