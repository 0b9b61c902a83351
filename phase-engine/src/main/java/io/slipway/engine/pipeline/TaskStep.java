package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentOrder;
import io.slipway.engine.pipeline.Phase.ChangePolicy;
import io.slipway.manifest.DeploymentTasks;
import io.slipway.runtime.TaskResult;
import io.slipway.runtime.TaskSpec;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a command of the manifests in a task container of the release image. The task phases differ
 * only by the data their row gives: where the command comes from and what becomes of the
 * container's changes.
 */
final class TaskStep implements Step {

    private final Function<DeploymentTasks, Optional<String>> command;
    private final String commandSource;
    private final ChangePolicy changes;

    /** @param commandSource where the command comes from, in the words of the manifests' authors */
    TaskStep(Function<DeploymentTasks, Optional<String>> command, String commandSource, ChangePolicy changes) {
        this.command = command;
        this.commandSource = commandSource;
        this.changes = changes;
    }

    Optional<String> command(DeploymentTasks tasks) {
        return command.apply(tasks);
    }

    /** Why the phase is skipped when the manifests give it no command. */
    String noCommand() {
        return "no command in " + commandSource;
    }

    ChangePolicy changes() {
        return changes;
    }

    @Override
    public PhaseTransition begin(Phase phase, DeploymentContext deployment) {
        Optional<String> task = command(deployment.manifests().tasks());
        if (task.isPresent()) {
            return PhaseTransition.started(phase, task.get());
        }
        String reason = noCommand();
        deployment.log(phase, reason + "; skipped");
        return PhaseTransition.skipped(phase, reason);
    }

    @Override
    public PhaseTransition run(PhaseTransition started, DeploymentContext deployment) throws PhaseFailure {
        Phase phase = started.phase();
        DeploymentOrder order = deployment.order();
        Optional<String> commitAs = changes == ChangePolicy.COMMIT
                ? Optional.of(AppImages.release(order.app(), order.deploymentId()))
                : Optional.empty();
        TaskSpec task = new TaskSpec(
                deployment.releaseImage(),
                deployment.containerCmd(phase, started.command()),
                ContainerEnvironment.forTask(order, phase),
                ContainerLabels.task(order.app(), order.deploymentId(), phase),
                deployment.taskTimeout(),
                commitAs,
                EngineLimits.of(order.limits().task()),
                Optional.of(deployment.network().tasks()));
        TaskResult result = deployment.runtime().runTask(task, deployment.output(phase), deployment.cancellation());
        switch (result.outcome()) {
            case TIMED_OUT -> throw PhaseFailure.failed(phase, "timeout");
            case OUT_OF_MEMORY -> throw PhaseFailure.outOfMemory(phase, result.exitCode());
            case CANCELLED -> throw PhaseFailure.cancelled(phase);
            case EXITED -> {
                if (result.exitCode() != 0) {
                    throw PhaseFailure.exited(phase, result.exitCode());
                }
            }
        }
        commitAs.ifPresent(release -> {
            deployment.committed(release);
            deployment.onUndo(phase, () -> deployment.runtime().removeImage(release));
        });
        return started.succeeded(0);
    }
}
