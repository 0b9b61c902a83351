package io.slipway.engine.pipeline;

import java.util.Map;

/** The labels on every container Slipway creates, so it can find them again. */
public final class ContainerLabels {

    public static final String APP = "io.slipway.app";
    public static final String DEPLOYMENT = "io.slipway.deployment";
    public static final String ROLE = "io.slipway.role";
    public static final String PHASE = "io.slipway.phase";
    public static final String PROCESS_TYPE = "io.slipway.process-type";
    public static final String RUN = "io.slipway.run";
    private static final String TASK_ROLE = "task";
    private static final String PROCESS_ROLE = "process";

    private ContainerLabels() {}

    public static Map<String, String> task(String app, String deploymentId, Phase phase) {
        return Map.of(APP, app, DEPLOYMENT, deploymentId, ROLE, TASK_ROLE, PHASE, phase.id());
    }

    /**
     * A one-off run's container is a task container to the leftover sweep, so a run a crash cut short is removed
     * with the deployments' tasks.
     */
    public static Map<String, String> run(String app, String runId) {
        return Map.of(APP, app, RUN, runId, ROLE, TASK_ROLE);
    }

    public static Map<String, String> process(String app, String deploymentId, String processType) {
        return Map.of(APP, app, DEPLOYMENT, deploymentId, ROLE, PROCESS_ROLE, PROCESS_TYPE, processType);
    }

    /** Selects every container of an app. */
    public static Map<String, String> allOf(String app) {
        return Map.of(APP, app);
    }

    /** Selects every app's process containers. */
    public static Map<String, String> allProcesses() {
        return Map.of(ROLE, PROCESS_ROLE);
    }

    /** Selects every app's task containers. */
    public static Map<String, String> allTasks() {
        return Map.of(ROLE, TASK_ROLE);
    }

    /** Selects an app's process containers, of every deployment. */
    public static Map<String, String> processesOf(String app) {
        return Map.of(APP, app, ROLE, PROCESS_ROLE);
    }
}
