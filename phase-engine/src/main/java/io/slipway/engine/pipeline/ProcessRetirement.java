package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentOrder;
import io.slipway.runtime.ContainerInfo;
import java.util.List;
import java.util.Optional;

/**
 * Which running process containers a successful deployment replaces (retired after its end, {@link Retirements}), and
 * how a scale or a stop retires its own within its phase: they are left running for the wait-to-retire time, so that
 * the requests they still answer can finish, then stopped and removed, all at once. An engine error here fails
 * nothing (traffic has moved already): the container that stays is named in the log.
 */
final class ProcessRetirement {

    private ProcessRetirement() {}

    /**
     * The containers a deployment's new release replaces once it is current: every other of the app's, or, for a
     * restart of one process type, the others of that type. A scale and a stop retire theirs in their own step.
     */
    static List<ContainerInfo> replacedBy(DeploymentOrder order, List<ContainerInfo> running) {
        if (order.kind() == DeploymentKind.SCALE || order.kind() == DeploymentKind.STOP) {
            return List.of();
        }
        return running.stream()
                .filter(container ->
                        !order.deploymentId().equals(container.labels().get(ContainerLabels.DEPLOYMENT)))
                .filter(container -> order.processType()
                        .map(type -> type.equals(container.labels().get(ContainerLabels.PROCESS_TYPE)))
                        .orElse(true))
                .toList();
    }

    /** Waits the wait-to-retire time, then stops and removes {@code containers}, each outcome in {@code log}'s log. */
    static void retire(Phase log, DeploymentContext deployment, List<ContainerInfo> containers) {
        if (containers.isEmpty()) {
            return;
        }
        deployment.log(
                log,
                "retiring " + containers.size() + " container(s) of the previous release in "
                        + deployment.settings().waitToRetire().toSeconds() + "s");
        try {
            deployment.pause(log, deployment.settings().waitToRetire());
        } catch (PhaseFailure cancelled) {
            // Too late to cancel: traffic has left them. Retire at once instead.
        }
        List<Optional<String>> retired = new ContainerRemoval(
                        deployment.runtime(), deployment.settings().stopGrace())
                .stopAndRemoveEach(containers);
        for (int i = 0; i < containers.size(); i++) {
            ContainerInfo container = containers.get(i);
            deployment.log(
                    log,
                    retired.get(i)
                            .map(why -> "could not retire " + container.name() + " of the previous release: " + why)
                            .orElse("retired " + container.name()));
        }
    }
}
