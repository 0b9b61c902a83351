package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentOrder;
import java.util.HashMap;
import java.util.Map;

/** The variables of the containers a deployment starts: the app's config, and what Slipway adds. */
final class ContainerEnvironment {

    private ContainerEnvironment() {}

    static Map<String, String> forTask(DeploymentOrder order, Phase phase) {
        Map<String, String> env = new HashMap<>(order.config());
        env.put("SLIPWAY_APP", order.app());
        env.put("SLIPWAY_DEPLOYMENT_ID", order.deploymentId());
        env.put("SLIPWAY_PHASE", phase.id());
        return env;
    }

    /** An app's own {@code PORT} wins over the engine's. */
    static Map<String, String> forProcess(DeploymentOrder order, String processType, int port) {
        Map<String, String> env = new HashMap<>(order.config());
        env.putIfAbsent("PORT", Integer.toString(port));
        env.put("PS", processType);
        env.put("SLIPWAY_APP", order.app());
        env.put("SLIPWAY_DEPLOYMENT_ID", order.deploymentId());
        return env;
    }
}
