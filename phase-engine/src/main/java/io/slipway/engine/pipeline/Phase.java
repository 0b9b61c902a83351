package io.slipway.engine.pipeline;

import static io.slipway.contract.DeploymentKind.BUILD_CONTEXT;
import static io.slipway.contract.DeploymentKind.RESTART;
import static io.slipway.contract.DeploymentKind.ROLLBACK;
import static io.slipway.contract.DeploymentKind.SCALE;
import static io.slipway.contract.DeploymentKind.START;
import static io.slipway.contract.DeploymentKind.STOP;

import io.slipway.contract.DeploymentKind;
import io.slipway.contract.PhaseName;
import io.slipway.manifest.DeploymentTasks;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The deploy pipeline, in the order it runs: each row names the step that does the phase's work,
 * with that step's data (where a task's command comes from, and whether its container's changes are
 * committed or discarded), and the deployment kinds the phase is not part of. The runner walks the
 * rows top to bottom and special-cases none; a new phase is a new row and, if its work is new, a new
 * {@link Step}.
 */
public enum Phase {
    // Each row: phase(the step that does its work, with the step's data; the deployment kinds it is not part of).
    // Process control runs the current release again: a restart from DEPLOY on, a start without POSTDEPLOY; a stop
    // and a scale change only the running containers, in DEPLOY's own step for them.
    BUILD(new BuildStep(), EnumSet.complementOf(EnumSet.of(BUILD_CONTEXT))),
    PREDEPLOY(
            new TaskStep(
                    DeploymentTasks::predeploy,
                    "app.json scripts.dokku.predeploy",
                    ChangePolicy.COMMIT,
                    Recurrence.EVERY_DEPLOYMENT),
            EnumSet.of(ROLLBACK, RESTART, STOP, START, SCALE)),
    RELEASE(
            new TaskStep(
                    DeploymentTasks::release,
                    "the Procfile release entry",
                    ChangePolicy.DISCARD,
                    Recurrence.EVERY_DEPLOYMENT),
            EnumSet.of(RESTART, STOP, START, SCALE)),
    DEPLOY(
            new StepsByKind(
                    new StepSequence(new StartProcessesStep(), new WebChecksStep(), new SwitchTrafficStep()),
                    Map.of(STOP, new StopProcessesStep(), SCALE, new ScaleProcessesStep())),
            EnumSet.noneOf(DeploymentKind.class)),
    // The one-time setup belongs to a release's first deployment: never to a rollback or to process control.
    SETUP(
            new TaskStep(
                    DeploymentTasks::setup,
                    "app.json scripts.postdeploy",
                    ChangePolicy.DISCARD,
                    Recurrence.ONCE_PER_APP),
            EnumSet.of(ROLLBACK, RESTART, STOP, START, SCALE)),
    POSTDEPLOY(
            new TaskStep(
                    DeploymentTasks::postdeploy,
                    "app.json scripts.dokku.postdeploy",
                    ChangePolicy.DISCARD,
                    Recurrence.EVERY_DEPLOYMENT),
            EnumSet.of(STOP, START, SCALE));

    /** What becomes of the changes a task makes to its container's file system. */
    public enum ChangePolicy {
        /** The stopped task container is committed into the release image the later phases start from. */
        COMMIT,
        /** The task container is removed with its changes; no image is left behind. */
        DISCARD
    }

    /** Which deployments run a task phase that has a command. */
    public enum Recurrence {
        EVERY_DEPLOYMENT,
        /**
         * Only the app's first deployment that reaches it, once the gateway has stored that it runs (the mark stays,
         * whether the task succeeds or not); every later one skips it with {@link #ONCE_PER_APP_REASON}.
         */
        ONCE_PER_APP;

        public static final String ONCE_PER_APP_REASON = "runs once per app";
    }

    private final Step step;
    private final Set<DeploymentKind> skippedFor;

    Phase(Step step, Set<DeploymentKind> skippedFor) {
        this.step = step;
        this.skippedFor = skippedFor;
    }

    Step step() {
        return step;
    }

    /** The task this phase runs, when its step is one. */
    Optional<TaskStep> task() {
        return step instanceof TaskStep task ? Optional.of(task) : Optional.empty();
    }

    /** What becomes of the file changes of the phase's task container; empty for a phase without one. */
    public Optional<ChangePolicy> changes() {
        return task().map(TaskStep::changes);
    }

    /** The task command the manifests give this phase, if any. */
    public Optional<String> command(DeploymentTasks tasks) {
        return task().flatMap(task -> task.command(tasks));
    }

    public boolean runsFor(DeploymentKind kind) {
        return !skippedFor.contains(kind);
    }

    /** Why a deployment of {@code kind} skips this phase; empty when the phase is part of it. */
    public Optional<String> skipReason(DeploymentKind kind) {
        return runsFor(kind) ? Optional.empty() : Optional.of("not part of " + kind.description());
    }

    /** The first phase a deployment of {@code kind} runs: where its early messages (manifest warnings) go. */
    static Phase firstFor(DeploymentKind kind) {
        return Arrays.stream(values())
                .filter(phase -> phase.runsFor(kind))
                .findFirst()
                .orElseThrow();
    }

    /** The last phase: what follows it (the switch to the new release) logs into its log. */
    static Phase last() {
        Phase[] phases = values();
        return phases[phases.length - 1];
    }

    /** The phase as events, the gateway and the API name it: the contract's name of the same row. */
    public PhaseName reported() {
        return PhaseName.valueOf(name());
    }

    /** The phase's name as tasks see it in {@code SLIPWAY_PHASE} and as labels carry it. */
    public String id() {
        return reported().id();
    }
}
