package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a starting worker sweeps off the engine, against a recording runtime. */
class LeftoverSweeperTests {

    private static final String APP = "shop";

    private final RecordingRuntime runtime = new RecordingRuntime();
    private final LeftoverSweeper sweeper = new LeftoverSweeper(runtime);

    @Test
    void leftoversOfAnInterruptedDeploymentAreRemovedButTheCurrentReleaseKeepsRunning() {
        runtime.withImage("slipway/shop:current", List.of(), List.of("/bin/sh"));
        // The old release runs the image that the current tag points to.
        runtime.images.put("old-image", runtime.images.get("slipway/shop:current"));
        runtime.withImage("unfinished-image", List.of(), List.of("/bin/true"));
        runtime.withRunningProcess(APP, "old-deployment", "old-1");
        runtime.containers.put(
                "new-1",
                new ContainerInfo(
                        "new-1",
                        "new-web",
                        "unfinished-image",
                        ContainerState.RUNNING,
                        0,
                        ContainerLabels.process(APP, "interrupted", "web")));
        runtime.containers.put(
                "task-1",
                new ContainerInfo(
                        "task-1",
                        "predeploy",
                        "unfinished-image",
                        ContainerState.RUNNING,
                        0,
                        ContainerLabels.task(APP, "interrupted", Phase.PREDEPLOY)));

        List<String> removed = sweeper.removeLeftoversOfInterruptedDeployments().removed();

        assertThat(removed).containsExactlyInAnyOrder("predeploy", "new-web");
        assertThat(runtime.containers.keySet()).containsExactly("old-1");
    }

    @Test
    void theProcessesOfAnAppThatNeverHadACurrentReleaseAreLeftovers() {
        runtime.withImage("first-image", List.of(), List.of("/bin/true"));
        runtime.containers.put(
                "first-1",
                new ContainerInfo(
                        "first-1",
                        "first-web",
                        "first-image",
                        ContainerState.RUNNING,
                        0,
                        ContainerLabels.process(APP, "interrupted", "web")));

        assertThat(sweeper.removeLeftoversOfInterruptedDeployments().removed()).containsExactly("first-web");
        assertThat(runtime.containers).isEmpty();
    }

    @Test
    void aRefusedRemovalIsRetriedAndOneThatStaysRefusedLeavesNoOtherBehind() {
        runtime.withImage("unfinished-image", List.of(), List.of("/bin/true"));
        for (String id : List.of("task-1", "task-2", "task-3")) {
            runtime.containers.put(
                    id,
                    new ContainerInfo(
                            id,
                            id,
                            "unfinished-image",
                            ContainerState.RUNNING,
                            0,
                            ContainerLabels.task(APP, "interrupted", Phase.RELEASE)));
        }
        runtime.refusedRemovals.put("task-1", 1);
        runtime.refusedRemovals.put("task-2", ContainerRemoval.ATTEMPTS);

        LeftoverSweeper.Sweep sweep = sweeper.removeLeftoversOfInterruptedDeployments();

        assertThat(sweep.removed()).containsExactlyInAnyOrder("task-1", "task-3");
        assertThat(sweep.problems()).singleElement().asString().contains("task-2", "container state improper");
        assertThat(runtime.containers.keySet()).containsExactly("task-2");
    }
}
