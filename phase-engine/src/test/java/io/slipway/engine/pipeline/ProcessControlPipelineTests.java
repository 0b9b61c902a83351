package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentEvent.PhaseChanged;
import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.PhaseStatus;
import io.slipway.manifest.ManifestParser;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.TaskOutcome;
import io.slipway.runtime.TaskResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each kind of process control does, and never does, against a recording runtime and router. */
class ProcessControlPipelineTests {

    private static final String APP = "shop";
    private static final String ID = "22222222-3333-4444-5555-666666666666";
    private static final String RELEASE_IMAGE = "slipway/shop:release-1";
    private static final ManifestFiles MANIFESTS = new ManifestFiles(
            "{\"scripts\": {\"dokku\": {\"predeploy\": \"touch /p\", \"postdeploy\": \"echo after\"}}}",
            "release: echo releasing\nweb: httpd -f -p $PORT\nworker: sleep 1000\n");

    private final RecordingRuntime runtime =
            new RecordingRuntime().withImage(RELEASE_IMAGE, List.of(), List.of("/bin/sh"));
    private final List<DeploymentEvent> events = new ArrayList<>();
    private final RecordingRouter router = new RecordingRouter(runtime);
    private final DeploymentPipeline pipeline = new DeploymentPipeline(
            runtime,
            new ManifestParser(),
            PipelineSettingsBuilder.forRecordingRuntime().build(),
            Clock.systemUTC(),
            new Traffic(router, new ScriptedProbe()),
            SetupMarks.FROM_ORDER,
            RecordedPipelines.retiringAtOnce(runtime));

    @Test
    void aRestartReplacesTheRunningContainersAndRunsOnlyPostdeployOfTheTasks() {
        runtime.withRunningProcess(APP, "old", "old-1", "web", "127.0.0.1:40001");

        assertThat(run(order(DeploymentKind.RESTART))).isEqualTo(DeploymentStatus.SUCCEEDED);

        assertThat(runtime.operations())
                .containsExactly(
                        "start slipway-shop-web-1-22222222",
                        "route shop to [127.0.0.1:49001]",
                        "task postdeploy on " + RELEASE_IMAGE,
                        "tag " + RELEASE_IMAGE + " as slipway/shop:current",
                        "stop old-1",
                        "remove old-1");
        assertThat(change(Phase.BUILD).reason()).isEqualTo("not part of a restart");
        assertThat(change(Phase.PREDEPLOY).reason()).isEqualTo("not part of a restart");
        assertThat(change(Phase.RELEASE).reason()).isEqualTo("not part of a restart");
        assertThat(change(Phase.DEPLOY).status()).isEqualTo(PhaseStatus.SUCCEEDED);
        assertThat(change(Phase.POSTDEPLOY).status()).isEqualTo(PhaseStatus.SUCCEEDED);
    }

    @Test
    void aRestartOfOneTypeReplacesOnlyThatTypeAndLeavesTheRouteAlone() {
        runtime.withRunningProcess(APP, "old", "old-web", "web", "127.0.0.1:40001");
        runtime.withRunningProcess(APP, "old", "old-worker", "worker", null);
        router.route(APP, List.of("127.0.0.1:40001"));
        runtime.calls.clear();

        DeploymentOrder order = base(DeploymentKind.RESTART)
                .formation(Map.of("worker", 1))
                .processType(Optional.of("worker"))
                .build();
        assertThat(run(order)).isEqualTo(DeploymentStatus.SUCCEEDED);

        assertThat(runtime.operations())
                .containsExactly(
                        "start slipway-shop-worker-1-22222222",
                        "task postdeploy on " + RELEASE_IMAGE,
                        "tag " + RELEASE_IMAGE + " as slipway/shop:current",
                        "stop old-worker",
                        "remove old-worker");
        assertThat(router.upstreams(APP)).containsExactly("127.0.0.1:40001");
    }

    @Test
    void aStopAnswersStoppedAtTheRouterBeforeItStopsEveryProcessAndRunsNoTask() {
        runtime.withRunningProcess(APP, "old", "old-web", "web", "127.0.0.1:40001");
        runtime.withRunningProcess(APP, "old", "old-worker", "worker", null);

        assertThat(run(order(DeploymentKind.STOP))).isEqualTo(DeploymentStatus.SUCCEEDED);

        List<String> operations = runtime.operations();
        assertThat(operations.get(0)).isEqualTo("route shop stopped");
        // The containers are retired in parallel.
        assertThat(operations.subList(1, 5))
                .containsExactlyInAnyOrder("stop old-web", "stop old-worker", "remove old-web", "remove old-worker");
        assertThat(operations.subList(5, operations.size()))
                .containsExactly("tag " + RELEASE_IMAGE + " as slipway/shop:current");
        assertThat(router.isStopped(APP)).isTrue();
        assertThat(runtime.containers).isEmpty();
        assertThat(change(Phase.POSTDEPLOY).reason()).isEqualTo("not part of a stop");
    }

    @Test
    void aStartRunsTheReleaseAgainWithChecksAndSwitchButNoTask() {
        router.stop(APP);
        runtime.calls.clear();

        assertThat(run(order(DeploymentKind.START))).isEqualTo(DeploymentStatus.SUCCEEDED);

        assertThat(runtime.operations())
                .containsExactly(
                        "start slipway-shop-web-1-22222222",
                        "route shop to [127.0.0.1:49001]",
                        "tag " + RELEASE_IMAGE + " as slipway/shop:current");
        assertThat(router.isStopped(APP)).isFalse();
        assertThat(change(Phase.POSTDEPLOY).reason()).isEqualTo("not part of a start");
    }

    @Test
    void aStoppedAppWhoseRestartFailsAfterTheSwitchIsStoppedAgain() {
        router.stop(APP);
        runtime.taskBehaviour = task -> new TaskResult(TaskOutcome.EXITED, 1);

        assertThat(run(order(DeploymentKind.RESTART))).isEqualTo(DeploymentStatus.FAILED);

        assertThat(runtime.operations()).contains("route shop to [127.0.0.1:49001]");
        assertThat(router.isStopped(APP)).isTrue();
        assertThat(runtime.containers).isEmpty();
    }

    @Test
    void aScaleUpAddsCheckedContainersToTheRouteAndKeepsTheRunningOnes() {
        runtime.withRunningProcess(APP, "old", "old-web", "web", "127.0.0.1:40001");
        runtime.withRunningProcess(APP, "old", "old-worker", "worker", null);

        DeploymentOrder order =
                base(DeploymentKind.SCALE).formation(Map.of("web", 2)).build();
        assertThat(run(order)).isEqualTo(DeploymentStatus.SUCCEEDED);

        assertThat(runtime.operations())
                .containsExactly(
                        "start slipway-shop-web-2-22222222",
                        "route shop to [127.0.0.1:40001, 127.0.0.1:49001]",
                        "tag " + RELEASE_IMAGE + " as slipway/shop:current");
        assertThat(runtime.containers).containsKeys("old-web", "old-worker");
    }

    @Test
    void aScaleDownTakesContainersOffTheRouteBeforeItStopsThem() {
        runtime.withRunningProcess(APP, "old", "old-web1", "web", "127.0.0.1:40001");
        runtime.withRunningProcess(APP, "old", "old-web2", "web", "127.0.0.1:40002");
        runtime.withRunningProcess(APP, "old", "old-worker", "worker", null);
        router.route(APP, List.of("127.0.0.1:40001", "127.0.0.1:40002"));
        runtime.calls.clear();

        DeploymentOrder order = base(DeploymentKind.SCALE)
                .formation(Map.of("web", 1, "worker", 0))
                .build();
        assertThat(run(order)).isEqualTo(DeploymentStatus.SUCCEEDED);

        List<String> operations = runtime.operations();
        assertThat(operations.get(0)).isEqualTo("route shop to [127.0.0.1:40001]");
        // The containers are retired in parallel.
        assertThat(operations.subList(1, 5))
                .containsExactlyInAnyOrder("stop old-web2", "stop old-worker", "remove old-web2", "remove old-worker");
        assertThat(operations.subList(5, operations.size()))
                .containsExactly("tag " + RELEASE_IMAGE + " as slipway/shop:current");
        assertThat(runtime.containers).containsOnlyKeys("old-web1");
        assertThat(change(Phase.RELEASE).reason()).isEqualTo("not part of a scale");
    }

    @Test
    void aScaleToWhatRunsChangesNothing() {
        runtime.withRunningProcess(APP, "old", "old-web", "web", "127.0.0.1:40001");

        DeploymentOrder order =
                base(DeploymentKind.SCALE).formation(Map.of("web", 1)).build();
        assertThat(run(order)).isEqualTo(DeploymentStatus.SUCCEEDED);

        assertThat(runtime.operations()).containsExactly("tag " + RELEASE_IMAGE + " as slipway/shop:current");
    }

    @Test
    void aConfigReleaseRunsTheWholePipelineButTheBuild() {
        assertThat(run(order(DeploymentKind.CONFIG))).isEqualTo(DeploymentStatus.SUCCEEDED);

        assertThat(runtime.operations())
                .containsSubsequence(
                        "task predeploy on " + RELEASE_IMAGE,
                        "task release on slipway/shop:release-" + ID,
                        "start slipway-shop-web-1-22222222",
                        "task postdeploy on slipway/shop:release-" + ID);
        assertThat(change(Phase.BUILD).reason()).isEqualTo("not part of a config change");
    }

    private DeploymentStatus run(DeploymentOrder order) {
        return pipeline.run(order, events::add, new Cancellation());
    }

    private static DeploymentOrder order(DeploymentKind kind) {
        return base(kind).build();
    }

    private static DeploymentOrder.Builder base(DeploymentKind kind) {
        return DeploymentOrder.builder(kind)
                .deploymentId(ID)
                .app(APP)
                .image(RELEASE_IMAGE)
                .manifests(Optional.of(MANIFESTS));
    }

    private PhaseChanged change(Phase phase) {
        return events.stream()
                .filter(PhaseChanged.class::isInstance)
                .map(PhaseChanged.class::cast)
                .filter(change -> change.phase() == phase.reported())
                .reduce((first, second) -> second)
                .orElseThrow();
    }
}
