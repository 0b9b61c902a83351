package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentEvent.Finished;
import io.slipway.contract.DeploymentEvent.PhaseChanged;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.PhaseStatus;
import io.slipway.engine.pipeline.DeploymentPlan.PhasePlan;
import io.slipway.manifest.ManifestParser;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.TaskOutcome;
import io.slipway.runtime.TaskResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one-time setup task (app.json {@code scripts.postdeploy}): its mark is stored before it starts, it runs only
 * when the mark is this deployment's, and its failure fails the deployment like a postdeploy's.
 */
class SetupPhaseTests {

    private static final String APP = "shop";
    private static final String ID = "11111111-2222-3333-4444-555555555555";
    private static final String IMAGE = "shop:1";
    private static final String APP_JSON =
            "{\"scripts\": {\"postdeploy\": \"rake db:seed\", \"dokku\": {\"postdeploy\": \"echo after\"}}}";
    private static final String PROCFILE = "web: httpd -f -p $PORT\n";

    private final RecordingRuntime runtime = new RecordingRuntime().withImage(IMAGE, List.of(), List.of("/bin/sh"));
    private final RecordingRouter router = new RecordingRouter(runtime);
    private final List<DeploymentEvent> events = new ArrayList<>();
    /** What the marks were asked, each with the engine operations made before the question. */
    private final List<String> asked = new ArrayList<>();

    private SetupMarks marks = order -> {
        asked.add(order.deploymentId() + " after " + runtime.operations());
        return true;
    };

    @Test
    void theFirstDeploymentStoresTheMarkBeforeTheTaskStartsThenRunsItBetweenDeployAndPostdeploy() {
        withManifests(APP_JSON);

        DeploymentStatus status = deploy(order().build());

        assertThat(status).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(asked)
                .containsExactly(ID + " after [start slipway-shop-web-1-11111111, route shop to [127.0.0.1:49001]]");
        assertThat(runtime.operations())
                .containsSubsequence(
                        "route shop to [127.0.0.1:49001]", "task setup on " + IMAGE, "task postdeploy on " + IMAGE);
        assertThat(phaseSequence())
                .containsSubsequence(
                        "deploy SUCCEEDED",
                        "setup RUNNING",
                        "setup SUCCEEDED",
                        "postdeploy RUNNING",
                        "postdeploy SUCCEEDED");
        assertThat(phase(Phase.SETUP).command()).isEqualTo("rake db:seed");
        assertThat(runtime.tasks)
                .filteredOn(task -> "setup".equals(task.labels().get(ContainerLabels.PHASE)))
                .singleElement()
                .satisfies(task -> {
                    assertThat(task.commitAs()).as("changes discarded").isEmpty();
                    assertThat(task.env()).containsEntry("SLIPWAY_PHASE", "setup");
                });
    }

    @Test
    void anOrderThatSaysSetupRanSkipsItWithoutAsking() {
        withManifests(APP_JSON);

        DeploymentStatus status = deploy(order().setupRan(true).build());

        assertThat(status).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(asked).isEmpty();
        assertThat(phase(Phase.SETUP).status()).isEqualTo(PhaseStatus.SKIPPED);
        assertThat(phase(Phase.SETUP).reason()).isEqualTo("runs once per app");
        assertThat(runtime.operations()).doesNotContain("task setup on " + IMAGE);
    }

    @Test
    void aMarkStoredByAnotherDeploymentMeanwhileSkipsIt() {
        withManifests(APP_JSON);
        marks = order -> false;

        DeploymentStatus status = deploy(order().build());

        assertThat(status).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(phase(Phase.SETUP).status()).isEqualTo(PhaseStatus.SKIPPED);
        assertThat(phase(Phase.SETUP).reason()).isEqualTo("runs once per app");
        assertThat(runtime.operations()).doesNotContain("task setup on " + IMAGE);
    }

    @Test
    void aMarkThatCannotBeStoredFailsTheDeploymentWithoutRunningTheTask() {
        withManifests(APP_JSON);
        runtime.withRunningProcess(APP, "old-deployment", "old-1");
        router.routes.put(APP, List.of("127.0.0.1:40000"));
        marks = order -> {
            throw new SetupMarks.Unavailable("POST /api/v1/worker/deployments/x/setup answered HTTP 503", null);
        };

        DeploymentStatus status = deploy(order().build());

        assertThat(status).isEqualTo(DeploymentStatus.FAILED);
        assertThat(phase(Phase.SETUP).status()).isEqualTo(PhaseStatus.FAILED);
        assertThat(finished().reason()).startsWith("setup: not started: that it runs could not be recorded");
        assertThat(runtime.operations()).noneMatch(operation -> operation.startsWith("task setup"));
        assertThat(router.routes).containsEntry(APP, List.of("127.0.0.1:40000"));
        assertThat(runtime.containers.keySet()).containsExactly("old-1");
        assertThat(phase(Phase.POSTDEPLOY).reason()).isEqualTo("not reached");
    }

    @Test
    void aFailingSetupFailsTheDeploymentSwitchesBackAndKeepsThePreviousRelease() {
        withManifests(APP_JSON);
        runtime.withRunningProcess(APP, "old-deployment", "old-1");
        router.routes.put(APP, List.of("127.0.0.1:40000"));
        runtime.taskBehaviour = task ->
                new TaskResult(TaskOutcome.EXITED, "setup".equals(task.labels().get(ContainerLabels.PHASE)) ? 2 : 0);

        DeploymentStatus status = deploy(order().build());

        assertThat(status).isEqualTo(DeploymentStatus.FAILED);
        assertThat(asked).hasSize(1);
        assertThat(finished().reason()).isEqualTo("setup: setup exited with code 2");
        assertThat(runtime.operations())
                .containsSubsequence(
                        "route shop to [127.0.0.1:49001]",
                        "task setup on " + IMAGE,
                        "route shop to [127.0.0.1:40000]",
                        "remove new-1")
                .doesNotContain("task postdeploy on " + IMAGE, "stop old-1")
                .noneMatch(operation -> operation.startsWith("tag"));
        assertThat(runtime.containers.keySet()).containsExactly("old-1");
    }

    @Test
    void withoutACommandNothingIsAskedAndTheReasonNamesTheKey() {
        withManifests("{\"scripts\": {\"dokku\": {\"postdeploy\": \"echo after\"}}}");

        deploy(order().build());

        assertThat(asked).isEmpty();
        assertThat(phase(Phase.SETUP).status()).isEqualTo(PhaseStatus.SKIPPED);
        assertThat(phase(Phase.SETUP).reason()).isEqualTo("no command in app.json scripts.postdeploy");
    }

    @Test
    void aRollbackNeverRunsIt() {
        DeploymentOrder rollback = DeploymentOrders.aRollbackTo(
                        IMAGE, new DeploymentOrder.ManifestFiles(APP_JSON, PROCFILE))
                .deploymentId(ID)
                .app(APP)
                .build();

        deploy(rollback);

        assertThat(asked).isEmpty();
        assertThat(phase(Phase.SETUP).reason()).isEqualTo("not part of a rollback");
        assertThat(runtime.operations())
                .contains("task postdeploy on " + IMAGE)
                .doesNotContain("task setup on " + IMAGE);
    }

    @Test
    void aDryRunShowsTheTaskPendingBeforeItRanAndSkippedAfter() throws Exception {
        withManifests(APP_JSON);
        DeploymentPlanner planner = new DeploymentPlanner(runtime, new ManifestParser(), List.of("/bin/sh", "-c"));

        PhasePlan before = setupPlan(planner.plan(order().build()));
        PhasePlan after = setupPlan(planner.plan(order().setupRan(true).build()));

        assertThat(before.status()).isEqualTo(PhaseStatus.PENDING);
        assertThat(before.containerCommand()).containsExactly("/bin/sh", "-c", "rake db:seed");
        assertThat(before.changes()).isEqualTo(Phase.ChangePolicy.DISCARD);
        assertThat(after.status()).isEqualTo(PhaseStatus.SKIPPED);
        assertThat(after.reason()).isEqualTo("runs once per app");
        assertThat(runtime.tasks).isEmpty();
    }

    private static PhasePlan setupPlan(DeploymentPlan plan) {
        return plan.phases().stream()
                .filter(phase -> phase.phase() == Phase.SETUP)
                .findFirst()
                .orElseThrow();
    }

    private DeploymentStatus deploy(DeploymentOrder order) {
        DeploymentPipeline pipeline = new DeploymentPipeline(
                runtime,
                new ManifestParser(),
                PipelineSettingsBuilder.forRecordingRuntime().build(),
                Clock.systemUTC(),
                new Traffic(router, new ScriptedProbe()),
                asked -> marks.mark(asked),
                RecordedPipelines.retiringAtOnce(runtime));
        return pipeline.run(order, events::add, new Cancellation());
    }

    private void withManifests(String appJson) {
        runtime.withFile(IMAGE, "/app/app.json", appJson);
        runtime.withFile(IMAGE, "/app/Procfile", PROCFILE);
    }

    private static DeploymentOrder.Builder order() {
        return DeploymentOrders.anImageDeploy()
                .deploymentId(ID)
                .app(APP)
                .image(IMAGE)
                .formation(Map.of());
    }

    private List<String> phaseSequence() {
        return events.stream()
                .filter(PhaseChanged.class::isInstance)
                .map(PhaseChanged.class::cast)
                .map(change -> change.phase().id() + " " + change.status())
                .toList();
    }

    private PhaseChanged phase(Phase phase) {
        return events.stream()
                .filter(PhaseChanged.class::isInstance)
                .map(PhaseChanged.class::cast)
                .filter(change -> change.phase() == phase.reported())
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private Finished finished() {
        return (Finished) events.get(events.size() - 1);
    }
}
