package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntimeException;
import java.time.Duration;
import java.util.List;

/**
 * Asks the engine how a new process container has fared since its start (see {@link ProcessVerdict}), and
 * fails the phase when it broke, with the container's last lines in the phase's log: what it printed as it
 * crashed is what its author needs.
 */
final class ProcessWatch {

    /** How many of a broken container's last lines go into the log. */
    static final int LAST_LINES = 20;

    private static final Duration POLL = Duration.ofMillis(200);

    private ProcessWatch() {}

    /** @return what the engine says of the container, which has stayed up since its start */
    static ContainerInfo requireUp(Phase phase, DeploymentContext deployment, StartedProcess process)
            throws PhaseFailure {
        ContainerInfo info = deployment
                .runtime()
                .inspectContainer(process.containerId())
                .orElseThrow(() -> PhaseFailure.failed(phase, process.label() + " disappeared"));
        var problem = ProcessVerdict.problem(info);
        if (problem.isPresent()) {
            logLastLines(phase, deployment, process);
            throw PhaseFailure.failed(phase, process.label() + " " + problem.get());
        }
        return info;
    }

    /** Every container must reach running within the start timeout, and not break on the way. */
    static void awaitRunning(Phase phase, DeploymentContext deployment, List<StartedProcess> processes)
            throws PhaseFailure {
        Duration startTimeout = deployment.settings().startTimeout();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        for (StartedProcess process : processes) {
            while (!ProcessVerdict.isUp(requireUp(phase, deployment, process))) {
                if (System.nanoTime() > deadline) {
                    throw PhaseFailure.failed(
                            phase, process.label() + " did not start within " + startTimeout.toSeconds() + "s");
                }
                deployment.pause(phase, POLL);
            }
        }
    }

    /** Every container must still be up, never restarted, after the settle time. */
    static void settle(Phase phase, DeploymentContext deployment) throws PhaseFailure {
        deployment.pause(phase, deployment.settings().settleTime());
        for (StartedProcess process : deployment.startedProcesses()) {
            requireUp(phase, deployment, process);
        }
    }

    private static void logLastLines(Phase phase, DeploymentContext deployment, StartedProcess process) {
        try {
            List<String> lines = deployment.runtime().lastLogLines(process.containerId(), LAST_LINES);
            deployment.log(phase, "last " + lines.size() + " lines of " + process.label() + ":");
            lines.forEach(line -> deployment.log(phase, process.label() + " | " + line));
        } catch (ContainerRuntimeException e) {
            deployment.log(phase, "could not read the log of " + process.label() + ": " + e.getMessage());
        }
    }
}
