package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentOrder;
import io.slipway.engine.pipeline.Phase.ChangePolicy;
import io.slipway.engine.pipeline.Phase.Recurrence;
import io.slipway.manifest.DeploymentTasks;
import io.slipway.runtime.TaskResult;
import io.slipway.runtime.TaskSpec;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a command of the manifests in a task container of the release image. The task phases differ
 * only by the data their row gives: where the command comes from, what becomes of the
 * container's changes, and whether it runs in every deployment or once per app.
 */
final class TaskStep implements Step {

    private final Function<DeploymentTasks, Optional<String>> command;
    private final String commandSource;
    private final ChangePolicy changes;
    private final Recurrence recurrence;

    /** @param commandSource where the command comes from, in the words of the manifests' authors */
    TaskStep(
            Function<DeploymentTasks, Optional<String>> command,
            String commandSource,
            ChangePolicy changes,
            Recurrence recurrence) {
        this.command = command;
        this.commandSource = commandSource;
        this.changes = changes;
        this.recurrence = recurrence;
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

    /** Why a deployment of {@code order} would skip a task it has a command for; empty when it may run it. */
    Optional<String> ranAlready(DeploymentOrder order) {
        return recurrence == Recurrence.ONCE_PER_APP && order.setupRan()
                ? Optional.of(Recurrence.ONCE_PER_APP_REASON)
                : Optional.empty();
    }

    @Override
    public PhaseTransition begin(Phase phase, DeploymentContext deployment) throws PhaseFailure {
        Optional<String> task = command(deployment.manifests().tasks());
        if (task.isEmpty()) {
            return skipped(phase, deployment, noCommand());
        }
        Optional<String> ran = ranAlready(deployment.order());
        if (ran.isPresent()) {
            return skipped(phase, deployment, ran.get());
        }
        if (recurrence == Recurrence.ONCE_PER_APP && !deployment.markRunOnce(phase)) {
            return skipped(phase, deployment, Recurrence.ONCE_PER_APP_REASON);
        }
        return PhaseTransition.started(phase, task.get());
    }

    private static PhaseTransition skipped(Phase phase, DeploymentContext deployment, String reason) {
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
