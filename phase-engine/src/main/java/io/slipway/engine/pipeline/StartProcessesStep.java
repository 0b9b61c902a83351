package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerState;
import io.slipway.runtime.ProcessSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Starts the release's process containers (see {@link ProcessPlan}) beside the running release, and
 * succeeds once each has reached running and stayed up for the settle time.
 */
final class StartProcessesStep implements Step {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    @Override
    public PhaseEvent run(PhaseEvent started, DeploymentContext deployment) throws PhaseFailure {
        Phase phase = started.phase();
        DeploymentOrder order = deployment.order();
        List<ProcessPlan.Process> plan;
        try {
            plan = ProcessPlan.resolve(
                    order.formation(), deployment.manifests(), deployment.imageDetails(), deployment.processLimit());
        } catch (IllegalArgumentException e) {
            throw PhaseFailure.failed(phase, e.getMessage());
        }
        ContainerRuntime runtime = deployment.runtime();
        deployment.onUndo(phase, () -> removeProcessesOf(phase, deployment));
        List<String> startedIds = new ArrayList<>();
        for (ProcessPlan.Process process : plan) {
            deployment.throwIfCancelled(phase);
            List<String> cmd = process.command().isPresent()
                    ? deployment.containerCmd(phase, process.command().get())
                    : List.of();
            String id = runtime.startProcess(new ProcessSpec(
                    deployment.releaseImage(),
                    process.name(order.app(), order.deploymentId()),
                    cmd,
                    ContainerEnvironment.forProcess(
                            order, process.type(), deployment.settings().port()),
                    ContainerLabels.process(order.app(), order.deploymentId(), process.type()),
                    order.limits().process(process.type())));
            startedIds.add(id);
            deployment.log(phase, "started " + process.type() + "." + process.index() + " as " + shortId(id));
        }
        awaitRunning(phase, startedIds, deployment);
        return started.succeeded();
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

    /** Each new container must reach running, then stay up through the settle time. */
    private static void awaitRunning(Phase phase, List<String> ids, DeploymentContext deployment) throws PhaseFailure {
        Duration startTimeout = deployment.settings().startTimeout();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        for (String id : ids) {
            while (state(phase, id, deployment) != ContainerState.RUNNING) {
                if (System.nanoTime() > deadline) {
                    throw PhaseFailure.failed(
                            phase,
                            "process container " + shortId(id) + " did not start within " + startTimeout.toSeconds()
                                    + "s");
                }
                pause(phase, POLL_INTERVAL, deployment);
            }
        }
        pause(phase, deployment.settings().settleTime(), deployment);
        for (String id : ids) {
            ContainerState state = state(phase, id, deployment);
            if (state != ContainerState.RUNNING) {
                throw PhaseFailure.failed(
                        phase,
                        "process container " + shortId(id) + " stopped after start ("
                                + state.name().toLowerCase(Locale.ROOT) + ")");
            }
        }
    }

    private static ContainerState state(Phase phase, String id, DeploymentContext deployment) throws PhaseFailure {
        ContainerInfo info = deployment
                .runtime()
                .inspectContainer(id)
                .orElseThrow(() -> PhaseFailure.failed(phase, "process container " + shortId(id) + " disappeared"));
        if (info.state() == ContainerState.EXITED || info.state() == ContainerState.DEAD) {
            throw PhaseFailure.failed(
                    phase, "process container " + shortId(id) + " exited with code " + info.exitCode());
        }
        return info.state();
    }

    /** Waits, and notices a cancel within a poll interval. */
    private static void pause(Phase phase, Duration duration, DeploymentContext deployment) throws PhaseFailure {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            deployment.throwIfCancelled(phase);
            try {
                Thread.sleep(Math.min(POLL_INTERVAL.toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PhaseFailure.cancelled(phase);
            }
        }
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
