package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentOrder;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import java.util.List;
import java.util.Optional;

/**
 * Once every phase has succeeded (traffic already goes to the new release): the release image is tagged
 * current, the previous release's containers are left running for the wait-to-retire time so that the
 * requests they still answer can finish, then stopped and removed, all at once. Its lines go to the log
 * of the last phase, which it follows.
 */
final class SwitchReleaseStep {

    void run(DeploymentContext deployment) {
        DeploymentOrder order = deployment.order();
        ContainerRuntime runtime = deployment.runtime();
        runtime.tagImage(deployment.releaseImage(), AppImages.current(order.app()));
        retirePreviousRelease(deployment);
    }

    /**
     * The new release is current by now, so an engine error here does not fail the deployment: the
     * container that could not be retired is named in the log instead.
     */
    private static void retirePreviousRelease(DeploymentContext deployment) {
        DeploymentOrder order = deployment.order();
        ContainerRuntime runtime = deployment.runtime();
        Phase log = Phase.last();
        List<ContainerInfo> previous;
        try {
            previous = runtime.listContainers(ContainerLabels.processesOf(order.app())).stream()
                    .filter(container ->
                            !order.deploymentId().equals(container.labels().get(ContainerLabels.DEPLOYMENT)))
                    .toList();
        } catch (ContainerRuntimeException e) {
            deployment.log(log, "could not list the previous release's containers: " + e.getMessage());
            return;
        }
        if (previous.isEmpty()) {
            return;
        }
        deployment.log(
                log,
                "retiring " + previous.size() + " container(s) of the previous release in "
                        + deployment.settings().waitToRetire().toSeconds() + "s");
        try {
            deployment.pause(log, deployment.settings().waitToRetire());
        } catch (PhaseFailure cancelled) {
            // Too late to cancel: the release is current. Retire at once instead.
        }
        ContainerRemoval removal =
                new ContainerRemoval(runtime, deployment.settings().stopGrace());
        List<Optional<String>> retired = removal.stopAndRemoveEach(previous);
        for (int i = 0; i < previous.size(); i++) {
            deployment.log(log, retired(previous.get(i), retired.get(i)));
        }
    }

    private static String retired(ContainerInfo container, Optional<String> problem) {
        return problem.map(why -> "could not retire " + container.name() + " of the previous release: " + why)
                .orElse("retired " + container.name());
    }
}
