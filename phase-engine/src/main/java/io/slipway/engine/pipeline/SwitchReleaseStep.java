package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;

/**
 * The switch to the new release, once every phase has succeeded: the release image is tagged
 * current, then the previous release's containers are stopped and removed. Its lines go to the log
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
        ContainerRemoval removal =
                new ContainerRemoval(runtime, deployment.settings().stopGrace());
        try {
            for (ContainerInfo container : runtime.listContainers(ContainerLabels.processesOf(order.app()))) {
                if (!order.deploymentId().equals(container.labels().get(ContainerLabels.DEPLOYMENT))) {
                    deployment.log(
                            log,
                            removal.stopAndRemove(container)
                                    .map(why ->
                                            "could not retire " + container.name() + " of the previous release: " + why)
                                    .orElse("retired " + container.name()));
                }
            }
        } catch (ContainerRuntimeException e) {
            deployment.log(log, "could not list the previous release's containers: " + e.getMessage());
        }
    }
}
