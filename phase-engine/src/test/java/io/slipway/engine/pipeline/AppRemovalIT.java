package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ProcessSpec;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Deleting an app on a real engine, whose processes ignore SIGTERM as many do. */
class AppRemovalIT {

    private static final Duration GRACE = Duration.ofSeconds(4);
    private static final int PROCESSES = 5;

    static Stream<TestEngine> engines() {
        return Stream.of("docker", "podman").map(TestEngines::named);
    }

    private ContainerRuntime runtime;
    private String app;

    @AfterEach
    void cleanUp() {
        if (runtime == null) {
            return;
        }
        runtime.listContainers(ContainerLabels.allOf(app)).forEach(container -> {
            runtime.stopContainer(container.id(), Duration.ZERO);
            runtime.removeContainer(container.id());
        });
        runtime.close();
    }

    /** One after another, five such processes took five times the grace: a deleted app's containers outlived it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void processesThatIgnoreSigtermCostTheStopGraceOnceNotOnceEach(TestEngine testEngine) {
        app = "rm-" + UUID.randomUUID().toString().substring(0, 8);
        runtime = testEngine.connect();
        for (int i = 1; i <= PROCESSES; i++) {
            runtime.startProcess(new ProcessSpec(
                    TestEngines.baseImage(),
                    app + "-web-" + i,
                    List.of("/bin/sh", "-c", "trap '' TERM; while true; do sleep 1; done"),
                    Map.of(),
                    ContainerLabels.process(app, "deployment-1", "web")));
        }

        long started = System.nanoTime();
        List<String> problems = new AppRemoval(runtime, GRACE).removeApp(app);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(problems).isEmpty();
        assertThat(runtime.listContainers(ContainerLabels.allOf(app))).isEmpty();
        // Below the graces one after another, however slowly a busy engine removes: the grace once and the work.
        assertThat(took)
                .as("the grace once, and the engine's own work")
                .isLessThan(GRACE.multipliedBy(PROCESSES).minus(GRACE.dividedBy(2)));
    }
}
