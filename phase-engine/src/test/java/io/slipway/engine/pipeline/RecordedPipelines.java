package io.slipway.engine.pipeline;

import io.slipway.manifest.ManifestParser;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Pipelines over a {@link RecordingRuntime}, for tests of what the pipeline decides. */
final class RecordedPipelines {

    private RecordedPipelines() {}

    /** No settle or retire wait; processes of a recording runtime listen nowhere, so checks are scripted and pass. */
    static DeploymentPipeline over(RecordingRuntime runtime) {
        return over(runtime, Optional.empty());
    }

    /** As {@link #over(RecordingRuntime)}, in the network mode {@code network} ({@code SLIPWAY_NETWORK}). */
    static DeploymentPipeline over(RecordingRuntime runtime, Optional<String> network) {
        return new DeploymentPipeline(
                runtime,
                new ManifestParser(),
                new PipelineSettings(
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(2),
                        Duration.ZERO,
                        Duration.ofSeconds(1),
                        Duration.ZERO,
                        5000,
                        List.of("/bin/sh", "-c"),
                        1000,
                        network),
                Clock.systemUTC(),
                new Traffic(new RecordingRouter(runtime), new ScriptedProbe()));
    }
}
