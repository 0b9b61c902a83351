package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.Limits;
import io.slipway.contract.RunEvent;
import io.slipway.contract.RunOrder;
import io.slipway.contract.RunStatus;
import io.slipway.manifest.ManifestParser;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerRuntimeException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decisions of a one-off run around the engine: what it is asked, and how an engine failure ends the run. */
class OneOffRunTests {

    private final RecordingRuntime runtime = new RecordingRuntime().withImage("app:1", List.of(), List.of("/bin/sh"));
    private final List<RunEvent> events = new ArrayList<>();

    @Test
    void anEngineThatFailsDuringTheRunEndsItFailedWithTheEnginesMessageAndNoVariableValue() {
        runtime.taskBehaviour = task -> {
            throw new ContainerRuntimeException("engine gone while running with s3cret-value");
        };

        run(order("rake db:migrate"));

        RunEvent.Finished end = (RunEvent.Finished) events.get(events.size() - 1);
        assertThat(end.status()).isEqualTo(RunStatus.FAILED);
        assertThat(end.reason()).startsWith("engine gone while running with").doesNotContain("s3cret-value");
    }

    @Test
    void theTaskIsLabelledAsARunWithTheAppsLimitsAndNeverCommitted() {
        RunOrder order = new RunOrder(
                "run-1",
                "shop",
                "app:1",
                "rake db:migrate",
                null,
                Map.of("SECRET", "s3cret-value"),
                Optional.empty(),
                new Limits(Optional.of(64L << 20), Optional.empty()),
                Optional.empty());

        run(order);

        var task = runtime.tasks.get(0);
        assertThat(task.cmd()).containsExactly("/bin/sh", "-c", "rake db:migrate");
        assertThat(task.labels())
                .containsEntry(ContainerLabels.RUN, "run-1")
                .containsEntry(ContainerLabels.ROLE, "task")
                .containsEntry(ContainerLabels.APP, "shop");
        assertThat(task.env()).containsEntry("SLIPWAY_RUN_ID", "run-1").containsEntry("SLIPWAY_APP", "shop");
        assertThat(task.commitAs()).isEmpty();
        assertThat(task.limits().memoryBytes()).contains(64L << 20);
        assertThat(task.network()).contains("none");
    }

    private RunOrder order(String command) {
        return new RunOrder(
                "run-1",
                "shop",
                "app:1",
                command,
                null,
                Map.of("SECRET", "s3cret-value"),
                Optional.empty(),
                Limits.NONE,
                Optional.empty());
    }

    private void run(RunOrder order) {
        new OneOffRun(
                        runtime,
                        new ManifestParser(),
                        PipelineSettingsBuilder.forRecordingRuntime()
                                .network(Optional.of("none"))
                                .build(),
                        Clock.systemUTC())
                .run(order, new Cancellation(), events::add);
    }
}
