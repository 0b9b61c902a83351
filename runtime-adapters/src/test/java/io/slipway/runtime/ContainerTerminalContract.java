package io.slipway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link ContainerRuntime#openTerminal} against each real engine ({@link DockerTerminalIT}, {@link PodmanTerminalIT},
 * {@link RootlessPodmanTerminalIT}): a shell typed into through its TTY, resized, ended by itself or killed, and
 * always removed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerTerminalContract {

    private static final Duration QUICK = Duration.ofSeconds(20);
    private static final String RUN_LABEL = "io.slipway.test-run";

    private final TestEngine engine;
    private ContainerRuntime runtime;
    private Map<String, String> runLabels;
    private final Screen screen = new Screen();

    ContainerTerminalContract(String engineName) {
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
        runLabels = Map.of(RUN_LABEL, UUID.randomUUID().toString());
        screen.clear();
    }

    @AfterEach
    void removeTheContainers() {
        runtime.listContainers(runLabels).forEach(container -> runtime.removeContainer(container.id()));
    }

    @Test
    void typesIntoAShellReadsItsTtyResizesItAndEndsWithItsExitCode() {
        Terminal terminal = runtime.openTerminal(shell(), screen);
        CompletableFuture<TaskResult> end =
                CompletableFuture.supplyAsync(() -> terminal.awaitEnd(Duration.ofMinutes(1), new Cancellation()));

        terminal.type("echo hi-$((6*7))\n".getBytes(StandardCharsets.UTF_8));
        // The TTY echoes the typed line, which does not hold the result.
        await().atMost(QUICK).until(() -> screen.text().contains("hi-42"));
        terminal.resize(101, 37);
        terminal.type("stty size\n".getBytes(StandardCharsets.UTF_8));
        await().atMost(QUICK).until(() -> screen.text().contains("37 101"));
        terminal.type("exit 3\n".getBytes(StandardCharsets.UTF_8));

        assertThat(end.join()).isEqualTo(new TaskResult(TaskOutcome.EXITED, 3));
        assertThat(runtime.inspectContainer(terminal.containerId())).isEmpty();
    }

    @Test
    void aClosedTerminalIsKilledAndRemoved() {
        Terminal terminal = runtime.openTerminal(shell(), screen);
        terminal.type("echo ready-$((1+1))\n".getBytes(StandardCharsets.UTF_8));
        await().atMost(QUICK).until(() -> screen.text().contains("ready-2"));

        terminal.close();

        assertThat(terminal.awaitEnd(Duration.ofMinutes(1), new Cancellation()).outcome())
                .isEqualTo(TaskOutcome.CANCELLED);
        assertThat(runtime.inspectContainer(terminal.containerId())).isEmpty();
    }

    @Test
    void aTerminalPastItsTimeoutIsKilledAndRemoved() {
        Terminal terminal = runtime.openTerminal(shell(), screen);

        assertThat(terminal.awaitEnd(Duration.ofSeconds(1), new Cancellation()).outcome())
                .isEqualTo(TaskOutcome.TIMED_OUT);
        assertThat(runtime.listContainers(runLabels)).isEmpty();
    }

    private TaskSpec shell() {
        return new TaskSpec(
                TestEngines.baseImage(),
                List.of("sh"),
                Map.of("TERM", "xterm"),
                runLabels,
                Duration.ofMinutes(1),
                Optional.empty());
    }

    /** What the TTY printed so far. */
    private static final class Screen implements java.util.function.Consumer<byte[]> {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void accept(byte[] printed) {
            bytes.writeBytes(printed);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized void clear() {
            bytes.reset();
        }
    }
}
