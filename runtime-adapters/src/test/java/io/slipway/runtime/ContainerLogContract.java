package io.slipway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slipway.runtime.testing.DyingEngineProxy;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link ContainerRuntime#readLog} against each real engine ({@link DockerLogIT}, {@link PodmanLogIT},
 * {@link RootlessPodmanLogIT}): a running process's log, its tail, since and follow, stamped and on its streams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerLogContract {

    private static final Duration QUICK = Duration.ofSeconds(20);
    private static final String RUN_LABEL = "io.slipway.test-run";

    private final TestEngine engine;
    private ContainerRuntime runtime;
    private Map<String, String> runLabels;
    private String run;

    ContainerLogContract(String engineName) {
        this.engine = TestEngines.named(engineName);
    }

    @BeforeAll
    void connect() {
        runtime = engine.connect();
    }

    @AfterAll
    void disconnect() {
        runtime.close();
    }

    @BeforeEach
    void newRun() {
        run = UUID.randomUUID().toString();
        runLabels = Map.of(RUN_LABEL, run);
    }

    @AfterEach
    void removeTheContainers() {
        runtime.listContainers(runLabels).forEach(container -> runtime.removeContainer(container.id()));
    }

    @Test
    void followsARunningProcessFromItsLastLinesOnLiveWithEachLinesStreamAndTime() {
        // The engines copy stdout and stderr separately: a stderr line printed at once after stdout ones may be
        // logged before them, so the stderr line comes a moment later.
        String id = start("for i in 1 2 3 4 5; do echo \"early $i\"; done; sleep 1; echo problem >&2; sleep 2;"
                + " i=0; while true; do i=$((i+1)); echo \"live $i\"; sleep 0.2; done");
        await().atMost(QUICK).until(() -> runtime.lastLogLines(id, 10).contains("problem"));
        Recording log = new Recording();

        try (LogFollow follow = runtime.readLog(id, new LogQuery(3, Optional.empty(), true), log)) {
            await().atMost(QUICK).until(() -> log.texts().contains("live 3"));
            assertThat(log.texts().subList(0, 3)).containsExactly("early 4", "early 5", "problem");
            assertThat(log.lines.get(2).stream()).isEqualTo(OutputChannel.STDERR);
            assertThat(log.lines.get(0).stream()).isEqualTo(OutputChannel.STDOUT);
            assertThat(log.lines.get(0).at())
                    .isBefore(Instant.now())
                    .isAfter(Instant.now().minusSeconds(120));
            assertThat(log.texts()).doesNotHaveDuplicates();
            assertThat(log.end.get()).isNull();
        }
    }

    @Test
    void aReadWithoutFollowEndsAfterTheLinesAskedFor() {
        String id = start("echo one; echo two; echo three; sleep 60");
        await().atMost(QUICK).until(() -> runtime.lastLogLines(id, 10).contains("three"));
        Recording log = new Recording();

        runtime.readLog(id, new LogQuery(LogQuery.ALL, Optional.empty(), false), log);

        await().atMost(QUICK).until(() -> log.end.get() != null);
        assertThat(log.end.get()).isEmpty();
        assertThat(log.texts()).containsExactly("one", "two", "three");
    }

    /** As precise as the engine's stamps: Docker's have nanoseconds, Podman 4.3's whole seconds. */
    @Test
    void sinceLeavesOutExactlyTheLinesStampedBeforeIt() {
        String id = start("i=0; while [ $i -lt 40 ]; do i=$((i+1)); echo \"line $i\"; sleep 0.05; done; sleep 60");
        await().atMost(QUICK).until(() -> runtime.lastLogLines(id, 1).contains("line 40"));
        Recording all = new Recording();
        runtime.readLog(id, new LogQuery(LogQuery.ALL, Optional.empty(), false), all);
        await().atMost(QUICK).until(() -> all.end.get() != null);
        Instant since = all.lines.get(20).at();
        Recording later = new Recording();

        runtime.readLog(id, new LogQuery(LogQuery.ALL, Optional.of(since), false), later);

        await().atMost(QUICK).until(() -> later.end.get() != null);
        assertThat(later.texts())
                .isEqualTo(all.lines.stream()
                        .filter(line -> !line.at().isBefore(since))
                        .map(Line::text)
                        .toList())
                .contains("line 21", "line 40")
                .doesNotContain("line 1");
    }

    @Test
    void aFollowEndsWhenItsContainerStopsAndAnAbsentContainerEndsAtOnce() {
        String id = start("echo started; sleep 60");
        Recording log = new Recording();
        runtime.readLog(id, new LogQuery(10, Optional.empty(), true), log);
        await().atMost(QUICK).until(() -> log.texts().contains("started"));

        runtime.stopContainer(id, Duration.ofSeconds(1));

        await().atMost(QUICK).until(() -> log.end.get() != null);
        assertThat(log.end.get()).isEmpty();
        Recording absent = new Recording();
        runtime.readLog("no-such-container-" + run, new LogQuery(10, Optional.empty(), true), absent);
        await().atMost(QUICK).until(() -> absent.end.get() != null);
        assertThat(absent.end.get()).isEmpty();
    }

    @Test
    void aClosedFollowDeliversNothingMore() throws InterruptedException {
        String id = start("i=0; while true; do i=$((i+1)); echo \"tick $i\"; sleep 0.1; done");
        Recording log = new Recording();
        LogFollow follow = runtime.readLog(id, new LogQuery(0, Optional.empty(), true), log);
        await().atMost(QUICK).until(() -> log.lines.size() >= 3);

        follow.close();
        int seen = log.lines.size();
        Thread.sleep(1000);

        assertThat(log.lines.size()).isLessThanOrEqualTo(seen + 1);
        assertThat(log.end.get()).isNull();
    }

    @Test
    void anEngineThatDiesDuringAFollowEndsItWithAFailure() throws Exception {
        String id = start("i=0; while true; do i=$((i+1)); echo \"tick $i\"; sleep 0.1; done");
        Path socket = Files.createTempDirectory("slipway-log-it").resolve("engine.sock");
        try (DyingEngineProxy proxy =
                        new DyingEngineProxy(socket, Path.of(engine.endpoint().getPath()));
                ContainerRuntime throughProxy = ContainerRuntimes.connect(
                        URI.create(proxy.endpoint()), Optional.of(TestEngines.NETWORK), QUICK)) {
            Recording log = new Recording();
            throughProxy.readLog(id, new LogQuery(0, Optional.empty(), true), log);
            await().atMost(QUICK).until(() -> log.lines.size() >= 3);

            proxy.die();

            await().atMost(QUICK).until(() -> log.end.get() != null);
            assertThat(log.end.get()).isPresent();
            assertThat(log.end.get().get().getMessage()).contains("read the log of container " + id);
        }
    }

    private String start(String script) {
        return runtime.startProcess(new ProcessSpec(
                TestEngines.baseImage(),
                "slipway-log-it-" + UUID.randomUUID().toString().substring(0, 8),
                List.of("sh", "-c", script),
                Map.of(),
                runLabels));
    }

    private record Line(OutputChannel stream, Instant at, String text) {}

    private static final class Recording implements LogListener {

        final List<Line> lines = new CopyOnWriteArrayList<>();
        final AtomicReference<Optional<ContainerRuntimeException>> end = new AtomicReference<>();

        @Override
        public void onLine(OutputChannel stream, Instant at, String line) {
            lines.add(new Line(stream, at, line));
        }

        @Override
        public void onEnd(Optional<ContainerRuntimeException> failure) {
            end.set(failure);
        }

        List<String> texts() {
            return lines.stream().map(Line::text).toList();
        }
    }
}
