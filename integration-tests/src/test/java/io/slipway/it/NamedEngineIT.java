package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimes;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A packaged gateway whose configured engine is down refuses to start, in one line that names the engine and why,
 * although rootful Podman answers on its standard socket all along.
 */
class NamedEngineIT {

    @Test
    void aGatewayWhoseNamedEngineIsDownRefusesToStartInOneLine() throws Exception {
        TestEngine rootfulPodman = TestEngines.named("podman");
        // A generous timeout: the engine is shared with other builds.
        try (ContainerRuntime answering =
                ContainerRuntimes.connect(rootfulPodman.endpoint(), Optional.empty(), Duration.ofSeconds(30))) {
            assertThat(answering.engine().endpoint()).isEqualTo("unix:///run/podman/podman.sock");
        }
        GatewayProcess gateway = new GatewayProcess(rootfulPodman).with("CONTAINER_HOST", "unix:///missing.sock");

        int exitCode = gateway.startExpectingExit(Duration.ofSeconds(90));

        String log = gateway.log();
        assertThat(exitCode).as(log).isNotZero();
        assertThat(log.lines().filter(line -> line.contains("missing.sock")))
                .as(log)
                .containsExactly(
                        "Cannot start: podman at unix:///missing.sock (CONTAINER_HOST): no socket at /missing.sock");
        assertThat(log).doesNotContain("Container engine:").doesNotContain("podman.sock found");
    }
}
