package io.slipway.engine.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The pipeline settings of the tests on real engines: short settle and stop times, generous timeouts. */
final class EngineTestSettings {

    static final PipelineSettings SETTINGS = new PipelineSettings(
            Duration.ofMinutes(2),
            Duration.ofSeconds(30),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            5000,
            List.of("/bin/sh", "-c"),
            100_000,
            Optional.empty());

    private EngineTestSettings() {}
}
