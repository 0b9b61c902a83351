package io.slipway.engine.service;

import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.pipeline.AppRemoval;
import io.slipway.engine.pipeline.ConsoleRun;
import io.slipway.engine.pipeline.DeploymentPipeline;
import io.slipway.engine.pipeline.DeploymentPlanner;
import io.slipway.engine.pipeline.InterruptedDeploymentRecovery;
import io.slipway.engine.pipeline.LeftoverSweeper;
import io.slipway.engine.pipeline.LoopbackProbe;
import io.slipway.engine.pipeline.OneOffRun;
import io.slipway.engine.pipeline.PipelineSettings;
import io.slipway.engine.pipeline.Retirements;
import io.slipway.engine.pipeline.Traffic;
import io.slipway.manifest.ManifestParser;
import io.slipway.manifest.ProcessLimit;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.router.Router;
import io.slipway.runtime.router.RouterSettings;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;

/** Builds the framework-free pipeline, and its housekeeping on the engine, from the engine's configuration. */
public class PipelineProducer {

    /** The one bound on process counts, for the engine and for a gateway that embeds it. */
    @Produces
    @Singleton
    ProcessLimit processLimit(EngineConfig config) {
        return new ProcessLimit(config.maxProcessesPerType());
    }

    @Produces
    @Singleton
    ManifestParser parser(ProcessLimit limit) {
        return new ManifestParser(limit);
    }

    @Produces
    @Singleton
    PipelineSettings pipelineSettings(EngineConfig config) {
        EngineConfig.Pipeline pipeline = config.pipeline();
        return new PipelineSettings(
                config.taskTimeout(),
                pipeline.startTimeout(),
                pipeline.settleTime(),
                pipeline.stopGrace(),
                pipeline.waitToRetire(),
                pipeline.port(),
                pipeline.shell(),
                pipeline.maxLogLines(),
                config.network());
    }

    @Produces
    @Singleton
    DeploymentPipeline pipeline(
            ContainerRuntime runtime,
            ManifestParser parser,
            PipelineSettings settings,
            Router router,
            GatewayLink gateway,
            Retirements retirements) {
        Traffic traffic = new Traffic(router, new LoopbackProbe(runtime, settings.port()));
        return new DeploymentPipeline(
                runtime, parser, settings, Clock.systemUTC(), traffic, gateway.setupMarks(), retirements);
    }

    /** Replaced releases are retired after their deployment's end, on a thread of their own. */
    @Produces
    @Singleton
    Retirements retirements(ContainerRuntime runtime, PipelineSettings settings) {
        return Retirements.onTheirOwnThread(runtime, settings.stopGrace(), Clock.systemUTC());
    }

    void closeRetirements(@Disposes Retirements retirements) {
        retirements.close();
    }

    /** One-off runs, by the pipeline's own settings (shell, task timeout, network, output cap). */
    @Produces
    @Singleton
    OneOffRun oneOffRun(ContainerRuntime runtime, ManifestParser parser, PipelineSettings settings) {
        return new OneOffRun(runtime, parser, settings, Clock.systemUTC());
    }

    /** Interactive runs' consoles, as one-off runs with a TTY. */
    @Produces
    @Singleton
    ConsoleRun consoleRun(OneOffRun runs, ContainerRuntime runtime) {
        return new ConsoleRun(runs, runtime);
    }

    /** Where apps are served, for the engine's router and for a gateway that shows each app's URL. */
    @Produces
    @Singleton
    RouterSettings routerSettings(EngineConfig config) {
        return new RouterSettings(
                config.router(), URI.create(config.caddyAdmin()), config.domain(), config.routerListen());
    }

    @Produces
    @Singleton
    Router router(RouterSettings settings) {
        return settings.connect();
    }

    /** Dry runs, by the pipeline's own rules and shell. */
    @Produces
    @Singleton
    DeploymentPlanner planner(ContainerRuntime runtime, ManifestParser parser, EngineConfig config) {
        return new DeploymentPlanner(runtime, parser, config.pipeline().shell());
    }

    @Produces
    @Singleton
    AppRemoval appRemoval(ContainerRuntime runtime, EngineConfig config) {
        return new AppRemoval(runtime, config.pipeline().stopGrace());
    }

    @Produces
    @Singleton
    InterruptedDeploymentRecovery recovery(ContainerRuntime runtime, EngineConfig config) {
        return new InterruptedDeploymentRecovery(runtime, config.pipeline().stopGrace());
    }

    @Produces
    @Singleton
    LeftoverSweeper leftoverSweeper(ContainerRuntime runtime) {
        return new LeftoverSweeper(runtime);
    }
}
