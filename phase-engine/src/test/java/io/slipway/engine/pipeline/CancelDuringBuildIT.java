package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentEvent.Finished;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentStatus;
import io.slipway.manifest.ManifestParser;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A cancel during {@code BUILD} stops the build on the engine instead of waiting for its step to end. */
class CancelDuringBuildIT {

    /** Far below the build step's 60 s, so that only a broken-off build ends within it. */
    private static final long BOUND_SECONDS = 30;

    private static final PipelineSettings SETTINGS =
            PipelineSettingsBuilder.forRealEngines().build();

    @TempDir
    Path contexts;

    static Stream<TestEngine> engines() {
        return Stream.of("docker", "podman").map(TestEngines::named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aCancelDuringTheBuildEndsTheDeploymentCancelledWithoutWaitingForTheStep(TestEngine engine) throws Exception {
        Path context = contexts.resolve("context.tar");
        Files.write(
                context,
                BuildContext.fromBaseImage("RUN echo build-step-started && sleep 60")
                        .toTar());
        String app = "it-" + UUID.randomUUID().toString().substring(0, 8);
        DeploymentOrder order = DeploymentOrders.aBuildOf(context).app(app).build();
        Cancellation cancellation = new Cancellation();
        CompletableFuture<Void> stepStarted = new CompletableFuture<>();
        List<DeploymentEvent> events = new CopyOnWriteArrayList<>();

        try (ContainerRuntime runtime = engine.connect()) {
            DeploymentPipeline pipeline =
                    new DeploymentPipeline(runtime, new ManifestParser(), SETTINGS, Clock.systemUTC());
            CompletableFuture<DeploymentStatus> run = CompletableFuture.supplyAsync(() -> pipeline.run(
                    order,
                    event -> {
                        events.add(event);
                        if (event instanceof DeploymentEvent.Log log
                                && log.line().strip().equals("build-step-started")) {
                            stepStarted.complete(null);
                        }
                    },
                    cancellation));
            stepStarted.get(BOUND_SECONDS, TimeUnit.SECONDS);
            cancellation.cancel();

            assertThat(run.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo(DeploymentStatus.CANCELLED);
            Finished finished = (Finished) events.get(events.size() - 1);
            assertThat(finished.reason()).isEqualTo("cancelled");
            assertThat(runtime.inspectImage(AppImages.built(app, order.deploymentId())))
                    .isEmpty();
            new AppRemoval(runtime, SETTINGS.stopGrace()).removeApp(app);
        }
    }
}
