package io.slipway.engine.pipeline;

import java.time.Duration;
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
        boolean cutShort = false;
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
            if (!cutShort && outcome.unanswered() && check.kind() == WebCheck.Kind.HTTP) {
                cutShort = pauseUntilListening(phase, deployment, check, process, address);
            } else {
                deployment.pause(phase, check.pause());
            }
        }
    }

    /**
     * The check's wait before its next attempt (app.json's {@code wait}, 5 s by default), cut short once the port
     * listens, after an HTTP attempt that nothing answered on the port (an app still starting): a started app is
     * checked as soon as it listens, and the next attempt never comes later than the wait would have let it. Only
     * once per check, so an app that accepts connections and drops them still has its attempts a wait apart.
     *
     * @return whether the wait was cut short
     */
    private static boolean pauseUntilListening(
            Phase phase, DeploymentContext deployment, WebCheck check, StartedProcess process, String address)
            throws PhaseFailure {
        WebCheck listening = WebCheckPlan.listening(check.port(), check.pause());
        long end = System.nanoTime() + check.pause().toNanos();
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            deployment.pause(phase, Duration.ofNanos(Math.min(left, WebCheckPlan.LISTENING_PAUSE.toNanos())));
            ProcessWatch.requireUp(phase, deployment, process);
            if (System.nanoTime() < end
                    && deployment
                            .traffic()
                            .probe()
                            .attempt(listening, process.containerId(), address)
                            .passed()) {
                deployment.log(phase, process.label() + " listens now: attempting again before the wait is over");
                return true;
            }
        }
        return false;
    }
}
