package io.slipway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.slipway.runtime.testing.FakeEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hung engine fails calls within the engine timeout instead of blocking them. */
class EngineDeadlineTests {

    private static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(1);
    /** Far above the engine timeout: only an unbounded wait reaches it. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private FakeEngine engine;
    private ContainerRuntime runtime;

    @BeforeEach
    void connect() {
        engine = FakeEngine.listen(dir.resolve("engine.sock"));
        runtime = ContainerRuntimes.connect(engine.endpoint(), Optional.empty(), ENGINE_TIMEOUT);
    }

    @AfterEach
    void close() {
        runtime.close();
        engine.close();
    }

    @Test
    void aListOnAHungEngineFailsAsUnavailable() {
        engine.hang();

        assertTimeoutPreemptively(
                HANG_GUARD,
                () -> assertThatThrownBy(() -> runtime.listContainers(Map.of()))
                        .isInstanceOf(EngineUnavailableException.class)
                        .hasMessageContaining("list containers")
                        .hasMessageContaining("does not answer"));
    }

    @Test
    void aCallOnAClosedRuntimeSaysItIsClosedNotThatTheEngineIsBusy() {
        runtime.close();

        assertThatThrownBy(() -> runtime.listContainers(Map.of()))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("the engine client is closed");
    }

    @Test
    void aPingOrAnInspectOnAHungEngineFailsAsUnavailable() {
        engine.hang();

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            assertThatThrownBy(runtime::ping).isInstanceOf(EngineUnavailableException.class);
            assertThatThrownBy(() -> runtime.inspectContainer("web-1"))
                    .isInstanceOf(EngineUnavailableException.class)
                    .hasMessageContaining("does not answer");
        });
    }

    @Test
    void connectingToAHungEngineFailsAsUnavailable() {
        engine.hang();

        assertTimeoutPreemptively(
                HANG_GUARD,
                () -> assertThatThrownBy(
                                () -> ContainerRuntimes.connect(engine.endpoint(), Optional.empty(), ENGINE_TIMEOUT))
                        .isInstanceOf(EngineUnavailableException.class));
    }

    @Test
    void aListIsOneCallWithEachContainersStateAndExitCode() {
        engine.listContainers("[{\"Id\":\"aaa\",\"Names\":[\"/shop-web-1\"],\"Image\":\"slipway/shop:r1\","
                + "\"State\":\"running\",\"Status\":\"Up 2 minutes\",\"Labels\":{\"io.slipway.app\":\"shop\"}},"
                + "{\"Id\":\"bbb\",\"Names\":[\"/shop-worker-1\"],\"Image\":\"slipway/shop:r1\","
                + "\"State\":\"exited\",\"Status\":\"Exited (3) 5 seconds ago\",\"Labels\":{}}]");
        int before = engine.requests().size();

        assertThat(runtime.listContainers(Map.of("io.slipway.role", "process")))
                .containsExactly(
                        new ContainerInfo(
                                "aaa",
                                "shop-web-1",
                                "slipway/shop:r1",
                                ContainerState.RUNNING,
                                0,
                                Map.of("io.slipway.app", "shop")),
                        new ContainerInfo(
                                "bbb", "shop-worker-1", "slipway/shop:r1", ContainerState.EXITED, 3, Map.of()));
        assertThat(engine.requests().subList(before, engine.requests().size()))
                .singleElement()
                .asString()
                .startsWith("GET /v1.41/containers/json?");
    }
}
