package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.Limits;
import io.slipway.contract.RunEvent;
import io.slipway.contract.RunOrder;
import io.slipway.contract.RunStatus;
import io.slipway.manifest.ManifestParser;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One-off runs in real containers: what the command sees, how a run ends, and that no container outlives it. */
class OneOffRunIT {

    private final String app = "run-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private ContainerRuntime runtime;

    static Stream<TestEngine> engines() {
        return TestEngines.all().stream();
    }

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aNonZeroExitFailsWithItsCodeAndTheOutputAndVariablesOfTheRun(TestEngine engine) {
        runtime = engine.connect();
        RunOrder order = order("echo app=$SLIPWAY_APP run=$SLIPWAY_RUN_ID greeting=$GREETING; echo oops >&2; exit 4");

        run(order, settings().build(), new Cancellation());

        // The engines copy stdout and stderr apart: a line of each may arrive in either order.
        assertThat(lines())
                .containsExactlyInAnyOrder("app=" + app + " run=" + order.runId() + " greeting=hello", "oops");
        assertThat(finished().status()).isEqualTo(RunStatus.FAILED);
        assertThat(finished().exitCode()).isEqualTo(4);
        assertThat(events.get(0)).isInstanceOf(RunEvent.Started.class);
        assertThat(runtime.listContainers(ContainerLabels.allOf(app))).isEmpty();
    }

    /** In the app's own network, as its deployment tasks are. */
    @Test
    void aCommandThatIsAProcfileProcessNameRunsThatEntry() {
        runtime = TestEngines.named("podman").connect();
        RunOrder order = new RunOrder(
                UUID.randomUUID().toString(),
                app,
                TestEngines.baseImage(),
                "migrate",
                "web: sleep 100\nmigrate: echo migrated $GREETING\n",
                Map.of("GREETING", "hello"),
                Optional.empty(),
                Limits.NONE,
                Optional.empty());

        try {
            run(order, settings().network(Optional.empty()).build(), new Cancellation());
        } finally {
            runtime.removeNetwork(AppNetwork.nameOf(app));
        }

        assertThat(lines()).containsExactly("migrated hello");
        assertThat(finished().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(finished().exitCode()).isZero();
    }

    @Test
    void aRunPastItsTimeoutIsKilledAndEndsTimedOut() {
        runtime = TestEngines.named("podman").connect();
        RunOrder order = new RunOrder(
                UUID.randomUUID().toString(),
                app,
                TestEngines.baseImage(),
                "sleep 60",
                null,
                Map.of(),
                Optional.of(Duration.ofSeconds(2)),
                Limits.NONE,
                Optional.empty());
        long started = System.nanoTime();

        run(order, settings().build(), new Cancellation());

        assertThat(finished().status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(runtime.listContainers(ContainerLabels.allOf(app))).isEmpty();
    }

    @Test
    void aCancelledRunIsKilledAndEndsCancelled() throws InterruptedException {
        runtime = TestEngines.named("podman").connect();
        Cancellation cancellation = new Cancellation();
        Thread running =
                new Thread(() -> run(order("echo started; sleep 60"), settings().build(), cancellation));
        running.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!lines().contains("started") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        cancellation.cancel();
        running.join(Duration.ofSeconds(30).toMillis());

        assertThat(running.isAlive()).isFalse();
        assertThat(finished().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(runtime.listContainers(ContainerLabels.allOf(app))).isEmpty();
    }

    @Test
    void outputPastTheCapIsDroppedAndCounted() {
        runtime = TestEngines.named("podman").connect();

        run(
                order("for i in 1 2 3 4 5; do echo line $i; done"),
                settings().maxLogLines(2).build(),
                new Cancellation());

        assertThat(lines())
                .containsExactly(
                        "line 1", "line 2", "output reached the cap of 2 lines: the 3 lines after it were dropped");
        assertThat(finished().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void anAbsentImageFailsTheRunWithoutAContainer() {
        runtime = TestEngines.named("podman").connect();
        RunOrder order = new RunOrder(
                UUID.randomUUID().toString(),
                app,
                "slipway-absent-" + app + ":1",
                "true",
                null,
                Map.of(),
                Optional.empty(),
                Limits.NONE,
                Optional.empty());

        run(order, settings().build(), new Cancellation());

        assertThat(finished().status()).isEqualTo(RunStatus.FAILED);
        assertThat(finished().reason()).contains("image not found");
    }

    private RunOrder order(String command) {
        return new RunOrder(
                UUID.randomUUID().toString(),
                app,
                TestEngines.baseImage(),
                command,
                null,
                Map.of("GREETING", "hello"),
                Optional.empty(),
                Limits.NONE,
                Optional.empty());
    }

    private static PipelineSettingsBuilder settings() {
        return PipelineSettingsBuilder.forRealEngines().network(Optional.of(TestEngines.NETWORK));
    }

    private void run(RunOrder order, PipelineSettings settings, Cancellation cancellation) {
        new OneOffRun(runtime, new ManifestParser(), settings, Clock.systemUTC()).run(order, cancellation, events::add);
    }

    private List<String> lines() {
        return events.stream()
                .filter(RunEvent.Output.class::isInstance)
                .map(event -> ((RunEvent.Output) event).line())
                .toList();
    }

    private RunEvent.Finished finished() {
        assertThat(events).isNotEmpty();
        assertThat(events.get(events.size() - 1)).isInstanceOf(RunEvent.Finished.class);
        return (RunEvent.Finished) events.get(events.size() - 1);
    }
}
