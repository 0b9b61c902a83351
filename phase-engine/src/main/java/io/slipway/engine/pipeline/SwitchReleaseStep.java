package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentOrder;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import java.util.List;

/**
 * Once every phase has succeeded (traffic already goes to the new release): the release image is tagged
 * current, and the containers it replaces are retired ({@link ProcessRetirement}). Its lines go to the log
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
        Phase log = Phase.last();
        List<ContainerInfo> running;
        try {
            running = deployment.runtime().listContainers(ContainerLabels.processesOf(order.app()));
        } catch (ContainerRuntimeException e) {
            deployment.log(log, "could not list the previous release's containers: " + e.getMessage());
            return;
        }
        ProcessRetirement.retire(log, deployment, ProcessRetirement.replacedBy(order, running));
    }
}
