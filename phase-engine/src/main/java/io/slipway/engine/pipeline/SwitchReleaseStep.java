package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentOrder;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntimeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Once every phase has succeeded (traffic already goes to the new release): the release image is tagged
 * current, and the containers it replaces ({@link ProcessRetirement#replacedBy}, but for those an earlier
 * deployment retires already) are due for retirement after the wait-to-retire time. The retirement itself runs
 * after the deployment's end ({@link Retirements}). Its lines go to the log of the last phase, which it follows.
 */
final class SwitchReleaseStep {

    /** @return the retirement due, if the new release replaced running containers */
    Optional<Retirement> run(DeploymentContext deployment, Set<String> pending, Instant now) {
        DeploymentOrder order = deployment.order();
        deployment.runtime().tagImage(deployment.releaseImage(), AppImages.current(order.app()));
        Phase log = Phase.last();
        List<ContainerInfo> running;
        try {
            running = deployment.runtime().listContainers(ContainerLabels.processesOf(order.app()));
        } catch (ContainerRuntimeException e) {
            // The new release is current by now: the app's next deployment retires what stays.
            deployment.log(log, "could not list the previous release's containers: " + e.getMessage());
            return Optional.empty();
        }
        List<String> replaced = ProcessRetirement.replacedBy(order, running).stream()
                .map(ContainerInfo::id)
                .filter(id -> !pending.contains(id))
                .toList();
        if (replaced.isEmpty()) {
            return Optional.empty();
        }
        deployment.log(
                log,
                "retiring " + replaced.size() + " container(s) of the previous release in "
                        + deployment.settings().waitToRetire().toSeconds() + "s, after this deployment's end");
        return Optional.of(new Retirement(
                order.app(),
                order.deploymentId(),
                replaced,
                now.plus(deployment.settings().waitToRetire())));
    }
}
