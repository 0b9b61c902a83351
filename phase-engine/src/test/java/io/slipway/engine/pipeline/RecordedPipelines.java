package io.slipway.engine.pipeline;

import io.slipway.manifest.ManifestParser;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Pipelines over a {@link RecordingRuntime}, for tests of what the pipeline decides. */
public final class RecordedPipelines {

    private RecordedPipelines() {}

    /** No settle or retire wait; processes of a recording runtime listen nowhere, so checks are scripted and pass. */
    public static DeploymentPipeline over(RecordingRuntime runtime) {
        return over(runtime, Optional.empty());
    }

    /** As {@link #over(RecordingRuntime)}, in the network mode {@code network} ({@code SLIPWAY_NETWORK}). */
    public static DeploymentPipeline over(RecordingRuntime runtime, Optional<String> network) {
        return new DeploymentPipeline(
                runtime,
                new ManifestParser(),
                PipelineSettingsBuilder.forRecordingRuntime()
                        .taskTimeout(Duration.ofMinutes(1))
                        .maxLogLines(1000)
                        .network(network)
                        .build(),
                Clock.systemUTC(),
                new Traffic(new RecordingRouter(runtime), new ScriptedProbe()),
                SetupMarks.FROM_ORDER,
                retiringAtOnce(runtime));
    }

    /**
     * Retirements run on the deployment's own thread right after its end, whatever the wait: the recorded sequence is
     * the same every time.
     */
    public static Retirements retiringAtOnce(RecordingRuntime runtime) {
        return new Retirements(runtime, Duration.ZERO, Clock.systemUTC(), (delay, task) -> task.run());
    }
}
