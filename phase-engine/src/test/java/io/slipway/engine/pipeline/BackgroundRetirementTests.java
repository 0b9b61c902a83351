package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentEvent.Finished;
import io.slipway.contract.DeploymentEvent.Log;
import io.slipway.contract.DeploymentEvent.Retired;
import io.slipway.contract.DeploymentEvent.RetirementDue;
import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.LogStream;
import io.slipway.contract.PhaseName;
import io.slipway.manifest.ManifestParser;
import io.slipway.runtime.Cancellation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A deployment ends once its release serves; the containers it replaced are retired after its end, at the
 * wait-to-retire time, by a timer these tests run by hand.
 */
class BackgroundRetirementTests {

    private static final String APP = "shop";
    private static final String IMAGE = "slipway/shop:release-1";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");
    private static final ManifestFiles MANIFESTS = new ManifestFiles(null, "web: httpd -f -p $PORT\n");

    private record Timed(Duration delay, Runnable task) {}

    private final RecordingRuntime runtime = new RecordingRuntime().withImage(IMAGE, List.of(), List.of("/bin/sh"));
    private final RecordingRouter router = new RecordingRouter(runtime);
    private final List<DeploymentEvent> events = new ArrayList<>();
    private final List<Timed> timer = new ArrayList<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final DeploymentPipeline pipeline = new DeploymentPipeline(
            runtime,
            new ManifestParser(),
            PipelineSettingsBuilder.forRecordingRuntime().waitToRetire(WAIT).build(),
            clock,
            new Traffic(router, new ScriptedProbe()),
            SetupMarks.FROM_ORDER,
            new Retirements(runtime, Duration.ZERO, clock, (delay, task) -> timer.add(new Timed(delay, task))));

    @Test
    void aDeploymentSucceedsWhileThePreviousReleaseStillRunsWhichIsRetiredAfterTheWait() {
        runtime.withRunningProcess(APP, "old", "old-1", "web", "127.0.0.1:40001");

        DeploymentOrder order = deploy(DeploymentKind.IMAGE);

        assertThat(pipeline.run(order, events::add, new Cancellation())).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(last(2))
                .first()
                .isEqualTo(new RetirementDue(
                        order.deploymentId(), APP, events.size() - 1, NOW, List.of("old-1"), NOW.plus(WAIT)));
        assertThat(events.get(events.size() - 1)).isInstanceOf(Finished.class);
        assertThat(runtime.containers).containsKeys("old-1", "new-1");
        assertThat(runtime.operations()).doesNotContain("stop old-1");
        assertThat(timer).singleElement().extracting(Timed::delay).isEqualTo(WAIT);

        timer.get(0).task().run();

        assertThat(runtime.operations()).endsWith("stop old-1", "remove old-1");
        assertThat(runtime.containers).containsOnlyKeys("new-1");
        assertThat(last(2))
                .containsExactly(
                        new Log(
                                order.deploymentId(),
                                APP,
                                events.size() - 1,
                                NOW,
                                PhaseName.POSTDEPLOY,
                                LogStream.SYSTEM,
                                "retired old-old-1 of the previous release"),
                        new Retired(order.deploymentId(), APP, events.size(), NOW));
        assertThat(pipeline.retirements().pendingOf(APP)).isEmpty();
    }

    @Test
    void aScaleRightBehindCountsOnlyTheNewRelease() {
        runtime.withRunningProcess(APP, "old", "old-1", "web", "127.0.0.1:40001");
        pipeline.run(deploy(DeploymentKind.IMAGE), events::add, new Cancellation());
        runtime.calls.clear();

        DeploymentOrder scale =
                base(DeploymentKind.SCALE).formation(Map.of("web", 2)).build();
        assertThat(pipeline.run(scale, events::add, new Cancellation())).isEqualTo(DeploymentStatus.SUCCEEDED);

        // Counted with the pending old-1, web would have run two containers already and nothing would start.
        assertThat(runtime.operations())
                .startsWith("start slipway-shop-web-2-" + scale.deploymentId().substring(0, 8));
        assertThat(router.upstreams(APP)).doesNotContain("127.0.0.1:40001").hasSize(2);
        timer.forEach(timed -> timed.task().run());
        assertThat(runtime.containers).doesNotContainKey("old-1").hasSize(2);
    }

    @Test
    void aDeploymentRightBehindLeavesWhatTheEarlierOneRetiresToIt() {
        runtime.withRunningProcess(APP, "old", "old-1", "web", "127.0.0.1:40001");
        DeploymentOrder first = deploy(DeploymentKind.IMAGE);
        pipeline.run(first, events::add, new Cancellation());
        DeploymentOrder restart = deploy(DeploymentKind.RESTART);
        events.clear();

        pipeline.run(restart, events::add, new Cancellation());

        assertThat(events)
                .filteredOn(RetirementDue.class::isInstance)
                .singleElement()
                .extracting(event -> ((RetirementDue) event).containers())
                .isEqualTo(List.of("new-1"));
        assertThat(timer).hasSize(2);
        timer.forEach(timed -> timed.task().run());
        assertThat(runtime.containers).containsOnlyKeys("new-2");
    }

    @Test
    void aRetirementAskedAgainAfterARestartRunsAtOnceWhenItWasDueAndNamesWhatWasGone() {
        runtime.withRunningProcess(APP, "old", "old-1", "web", "127.0.0.1:40001");
        String deploymentId = UUID.randomUUID().toString();
        Retirement due = new Retirement(APP, deploymentId, List.of("old-1", "old-2"), NOW.minusSeconds(5));

        pipeline.retirements().schedule(due, pipeline.recorderAfter(deploymentId, APP, 30, events::add));

        assertThat(pipeline.retirements().pendingOf(APP)).containsExactlyInAnyOrder("old-1", "old-2");
        assertThat(timer).singleElement().extracting(Timed::delay).isEqualTo(Duration.ZERO);
        timer.get(0).task().run();
        assertThat(runtime.containers).isEmpty();
        assertThat(events)
                .containsExactly(
                        new Log(
                                deploymentId,
                                APP,
                                31,
                                NOW,
                                PhaseName.POSTDEPLOY,
                                LogStream.SYSTEM,
                                "retired old-old-1 of the previous release"),
                        new Log(
                                deploymentId,
                                APP,
                                32,
                                NOW,
                                PhaseName.POSTDEPLOY,
                                LogStream.SYSTEM,
                                "1 container(s) of the previous release were gone already"),
                        new Retired(deploymentId, APP, 33, NOW));
    }

    private List<DeploymentEvent> last(int count) {
        return events.subList(events.size() - count, events.size());
    }

    private static DeploymentOrder deploy(DeploymentKind kind) {
        return base(kind).build();
    }

    private static DeploymentOrder.Builder base(DeploymentKind kind) {
        return DeploymentOrder.builder(kind)
                .deploymentId(UUID.randomUUID().toString())
                .app(APP)
                .image(IMAGE)
                .manifests(Optional.of(MANIFESTS));
    }
}
