package io.slipway.engine.pipeline;

import java.util.Map;

/** The labels on every container Slipway creates, so it can find them again. */
public final class ContainerLabels {

    public static final String APP = "io.slipway.app";
    public static final String DEPLOYMENT = "io.slipway.deployment";
    public static final String ROLE = "io.slipway.role";
    public static final String PHASE = "io.slipway.phase";
    public static final String PROCESS_TYPE = "io.slipway.process-type";

    private ContainerLabels() {
    }

    public static Map<String, String> task(String app, String deploymentId, Phase phase) {
        return Map.of(APP, app, DEPLOYMENT, deploymentId, ROLE, "task", PHASE, phase.id());
    }

    public static Map<String, String> process(String app, String deploymentId, String processType) {
        return Map.of(APP, app, DEPLOYMENT, deploymentId, ROLE, "process", PROCESS_TYPE, processType);
    }

    /** Selects an app's process containers, of every deployment. */
    public static Map<String, String> processesOf(String app) {
        return Map.of(APP, app, ROLE, "process");
    }
}
