package io.slipway.engine.pipeline;

import java.util.List;

/**
 * The new release proves itself before it gets traffic: every web container passes every check of
 * {@link WebCheckPlan}, each attempt and its outcome logged; then every container, of every type, must
 * still be up and never restarted after the settle time. A container that breaks at any point fails the
 * phase at once.
 */
final class WebChecksStep implements Step {

    @Override
    public PhaseTransition run(PhaseTransition started, DeploymentContext deployment) throws PhaseFailure {
        Phase phase = started.phase();
        PipelineSettings settings = deployment.settings();
        List<WebCheck> checks = WebCheckPlan.of(deployment.manifests(), settings.port(), settings.startTimeout());
        for (StartedProcess process : deployment.startedProcesses()) {
            if (process.isWeb()) {
                String address = ProcessWatch.requireUp(phase, deployment, process)
                        .address()
                        .orElseThrow(() -> PhaseFailure.failed(phase, process.label() + " publishes no port"));
                for (WebCheck check : checks) {
                    pass(phase, deployment, check, process, address);
                }
            }
        }
        ProcessWatch.settle(phase, deployment);
        return started.succeeded();
    }

    private static void pass(
            Phase phase, DeploymentContext deployment, WebCheck check, StartedProcess process, String address)
            throws PhaseFailure {
        String subject = "check '" + check.name() + "' (" + check.describe() + ") on " + process.label();
        deployment.pause(phase, check.initialDelay());
        for (int attempt = 1; ; attempt++) {
            ProcessWatch.requireUp(phase, deployment, process);
            HealthProbe.Attempt outcome = deployment.traffic().probe().attempt(check, process.containerId(), address);
            deployment.log(
                    phase,
                    subject + ", attempt " + attempt + "/" + check.attempts() + ": "
                            + (outcome.passed() ? "passed" : "failed") + " (" + outcome.response() + ")");
            if (outcome.passed()) {
                return;
            }
            if (attempt >= check.attempts()) {
                throw PhaseFailure.failed(
                        phase,
                        "health check '" + check.name() + "' failed on " + process.label() + " after " + attempt
                                + " attempt" + (attempt == 1 ? "" : "s") + ": " + outcome.response());
            }
            deployment.pause(phase, check.pause());
        }
    }
}
