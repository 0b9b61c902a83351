package io.slipway.engine.pipeline;

import io.slipway.manifest.ManifestParser;
import java.time.Clock;
import java.time.Duration;

/** Pipelines over a {@link RecordingRuntime}, for tests of what the pipeline decides. */
public final class RecordedPipelines {

    private RecordedPipelines() {}

    /** No settle or retire wait; processes of a recording runtime listen nowhere, so checks are scripted and pass. */
    public static DeploymentPipeline over(RecordingRuntime runtime) {
        return new DeploymentPipeline(
                runtime,
                new ManifestParser(),
                PipelineSettingsBuilder.forRecordingRuntime()
                        .taskTimeout(Duration.ofMinutes(1))
                        .maxLogLines(1000)
                        .build(),
                Clock.systemUTC(),
                new Traffic(new RecordingRouter(runtime), new ScriptedProbe()));
    }
}
