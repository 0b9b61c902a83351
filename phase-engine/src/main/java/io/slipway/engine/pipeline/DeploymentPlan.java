package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentKind;
import io.slipway.contract.PhaseStatus;
import io.slipway.manifest.HealthCheck;
import java.util.List;
import java.util.Map;

/**
 * What a deployment would do, worked out without running it (a dry run): the phases and how each would begin, the
 * exact container command of every task and process, the health checks of the manifests, and what the deployment
 * would need. Config values never appear in it: app.json's env is shown by name.
 *
 * @param image the image the phases would start from; null for a build context (built only when deploying)
 * @param errors what would fail the deployment before or in its phases (nothing else is run to find out)
 */
public record DeploymentPlan(
        String app,
        DeploymentKind kind,
        String image,
        List<PhasePlan> phases,
        List<ProcessTypePlan> processes,
        Map<String, List<HealthCheck>> healthchecks,
        EnvPlan env,
        List<String> warnings,
        List<String> errors) {

    public DeploymentPlan {
        phases = List.copyOf(phases);
        processes = List.copyOf(processes);
        healthchecks = Map.copyOf(healthchecks);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    /**
     * One phase: {@code PENDING} when it would run, else {@code SKIPPED} with the reason the deployment would give.
     *
     * @param command the manifests' command line of a task phase
     * @param containerCommand the task container's command as the engine would get it (the words an ENTRYPOINT
     *     receives, or the shell and the line); null when the image is known only after a build
     * @param changes for a task: whether its container's changes would be committed or discarded
     */
    public record PhasePlan(
            Phase phase,
            PhaseStatus status,
            String reason,
            String command,
            List<String> containerCommand,
            Phase.ChangePolicy changes) {}

    /**
     * One process type of the formation.
     *
     * @param command the Procfile's command line; null when the image's own command runs
     * @param containerCommand what each container would run: the Cmd for the Procfile line, else the image's own
     *     Entrypoint and Cmd; null when the image is known only after a build
     */
    public record ProcessTypePlan(String type, int quantity, String command, List<String> containerCommand) {}

    /**
     * app.json's {@code env}, by name only.
     *
     * @param defaults variables the app's config lacks that would get app.json's value
     * @param generated variables the app's config lacks that would get a generated secret
     * @param missing required variables without a value: the deployment would fail before its first phase
     */
    public record EnvPlan(List<String> defaults, List<String> generated, List<String> missing) {}
}
