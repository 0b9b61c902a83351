package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.AppLimits;
import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.Limits;
import io.slipway.contract.PhaseName;
import io.slipway.contract.PhaseStatus;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ResourceLimits;
import io.slipway.runtime.TaskOutcome;
import io.slipway.runtime.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The app's limits reach its task and process containers; a task killed for memory fails its phase. */
class ResourceLimitsPipelineTests {

    private static final String IMAGE = "shop:1";
    private static final Limits TASK_LIMITS = new Limits(Optional.of(32L << 20), Optional.empty());
    private static final Limits WEB_LIMITS = new Limits(Optional.of(64L << 20), Optional.of(1_000_000_000L));
    private static final ResourceLimits TASK = EngineLimits.of(TASK_LIMITS);
    private static final ResourceLimits WEB = EngineLimits.of(WEB_LIMITS);

    private final RecordingRuntime runtime = new RecordingRuntime().withImage(IMAGE, List.of(), List.of("/bin/sh"));
    private final List<DeploymentEvent> events = new ArrayList<>();
    private final DeploymentPipeline pipeline = RecordedPipelines.over(runtime);

    @Test
    void tasksAndEachProcessTypeGetTheirOwnLimits() {
        runtime.withFile(IMAGE, "/app/app.json", "{\"scripts\": {\"dokku\": {\"predeploy\": \"echo hi\"}}}");
        runtime.withFile(IMAGE, "/app/Procfile", "web: serve\nworker: work\n");

        DeploymentStatus status = deploy(Map.of("web", 1, "worker", 1));

        assertThat(status).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(runtime.tasks.get(0).limits()).isEqualTo(TASK);
        assertThat(runtime.processes)
                .extracting(process -> process.env().get("PS") + " " + process.limits())
                .containsExactlyInAnyOrder("web " + WEB, "worker " + ResourceLimits.NONE);
    }

    @Test
    void aTaskKilledForMemoryFailsItsPhaseWithReasonOutOfMemory() {
        runtime.withFile(IMAGE, "/app/app.json", "{\"scripts\": {\"dokku\": {\"predeploy\": \"eat memory\"}}}");
        runtime.taskBehaviour = task -> new TaskResult(TaskOutcome.OUT_OF_MEMORY, 137);

        DeploymentStatus status = deploy(Map.of());

        assertThat(status).isEqualTo(DeploymentStatus.FAILED);
        DeploymentEvent.Finished finished = (DeploymentEvent.Finished) events.get(events.size() - 1);
        assertThat(finished.reason()).isEqualTo("predeploy: out of memory");
        assertThat(events)
                .filteredOn(DeploymentEvent.PhaseChanged.class::isInstance)
                .map(DeploymentEvent.PhaseChanged.class::cast)
                .anyMatch(change -> change.phase() == PhaseName.PREDEPLOY
                        && change.status() == PhaseStatus.FAILED
                        && "out of memory".equals(change.reason()));
        assertThat(runtime.processes).isEmpty();
    }

    private DeploymentStatus deploy(Map<String, Integer> formation) {
        DeploymentOrder order = DeploymentOrders.anImageDeploy()
                .app("shop")
                .image(IMAGE)
                .formation(formation)
                .limits(new AppLimits(TASK_LIMITS, Map.of("web", WEB_LIMITS)))
                .build();
        return pipeline.run(order, events::add, new Cancellation());
    }
}
