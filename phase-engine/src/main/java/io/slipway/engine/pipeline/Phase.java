package io.slipway.engine.pipeline;

import io.slipway.manifest.DeploymentTasks;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The deploy pipeline, in the order it runs. This table is the whole of what distinguishes one
 * phase from another: the runner walks it top to bottom and special-cases no phase.
 */
public enum Phase {
    //          work                   command from the manifests   (where users write it)                container
    // changes        skipped for
    BUILD(
            Work.BUILD_IMAGE,
            Phase::noCommand,
            "the Dockerfile",
            ChangePolicy.NEW_IMAGE,
            EnumSet.of(DeploymentKind.IMAGE, DeploymentKind.ROLLBACK)),
    PREDEPLOY(
            Work.TASK,
            DeploymentTasks::predeploy,
            "app.json scripts.dokku.predeploy",
            ChangePolicy.COMMIT,
            EnumSet.of(DeploymentKind.ROLLBACK)),
    RELEASE(
            Work.TASK,
            DeploymentTasks::release,
            "the Procfile release entry",
            ChangePolicy.DISCARD,
            EnumSet.noneOf(DeploymentKind.class)),
    DEPLOY(
            Work.START_PROCESSES,
            Phase::noCommand,
            "the formation",
            ChangePolicy.NONE,
            EnumSet.noneOf(DeploymentKind.class)),
    POSTDEPLOY(
            Work.TASK,
            DeploymentTasks::postdeploy,
            "app.json scripts.dokku.postdeploy",
            ChangePolicy.DISCARD,
            EnumSet.noneOf(DeploymentKind.class));

    /** What a phase does. */
    public enum Work {
        BUILD_IMAGE,
        TASK,
        START_PROCESSES
    }

    /** What becomes of the changes a phase makes to its container's file system. */
    public enum ChangePolicy {
        /** The phase produces the image the later phases start from. */
        NEW_IMAGE,
        /** The stopped task container is committed into the release image. */
        COMMIT,
        /** The task container is removed with its changes; no image is left behind. */
        DISCARD,
        /** The phase runs no task container. */
        NONE
    }

    private final Work work;
    private final Function<DeploymentTasks, Optional<String>> command;
    private final String commandSource;
    private final ChangePolicy changes;
    private final Set<DeploymentKind> skippedFor;

    Phase(
            Work work,
            Function<DeploymentTasks, Optional<String>> command,
            String commandSource,
            ChangePolicy changes,
            Set<DeploymentKind> skippedFor) {
        this.work = work;
        this.command = command;
        this.commandSource = commandSource;
        this.changes = changes;
        this.skippedFor = skippedFor;
    }

    public Work work() {
        return work;
    }

    public ChangePolicy changes() {
        return changes;
    }

    /** The task command the manifests give this phase, if any. */
    public Optional<String> command(DeploymentTasks tasks) {
        return command.apply(tasks);
    }

    /** Where the phase's command comes from, in the words of the manifests' authors. */
    public String commandSource() {
        return commandSource;
    }

    public boolean runsFor(DeploymentKind kind) {
        return !skippedFor.contains(kind);
    }

    /** The phase's name as tasks see it in {@code SLIPWAY_PHASE} and as labels carry it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> noCommand(DeploymentTasks tasks) {
        return Optional.empty();
    }
}
