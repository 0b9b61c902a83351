package io.slipway.engine.service;

import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.pipeline.DeploymentPipeline;
import io.slipway.engine.pipeline.PipelineSettings;
import io.slipway.manifest.ManifestParser;
import io.slipway.runtime.ContainerRuntime;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the framework-free pipeline from the engine's configuration. */
public class PipelineProducer {

    @Produces
    @Singleton
    DeploymentPipeline pipeline(ContainerRuntime runtime, EngineConfig config) {
        EngineConfig.Pipeline pipeline = config.pipeline();
        PipelineSettings settings = new PipelineSettings(
                config.taskTimeout(),
                pipeline.startTimeout(),
                pipeline.settleTime(),
                pipeline.stopGrace(),
                pipeline.port(),
                pipeline.shell(),
                pipeline.maxLogLines());
        return new DeploymentPipeline(runtime, new ManifestParser(), settings, Clock.systemUTC());
    }
}
