package io.slipway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Detection against the real engines: the engine is identified by what it answers. */
class RuntimeDetectionIT {

    private final TestEngine docker = TestEngines.named("docker");
    private final TestEngine rootlessPodman = TestEngines.named("podman-rootless");

    @Test
    void dockerHostLeadsToDocker() {
        try (ContainerRuntime runtime = ContainerRuntimes.connect(settings("docker", docker, Optional.empty()))) {
            assertThat(runtime.engine().kind()).isEqualTo(EngineKind.DOCKER);
            assertThat(runtime.engine().endpoint()).isEqualTo(docker.endpoint().toString());
        }
    }

    @Test
    void containerHostLeadsToPodmanAndSaysWhetherItIsRootless() {
        try (ContainerRuntime runtime =
                ContainerRuntimes.connect(settings("podman", docker, Optional.of(rootlessPodman)))) {
            assertThat(runtime.engine().kind()).isEqualTo(EngineKind.PODMAN);
            assertThat(runtime.engine().rootless()).isTrue();
            assertThat(runtime.engine().endpoint())
                    .isEqualTo(rootlessPodman.endpoint().toString());
        }
    }

    @Test
    void aDockerHostThatIsPodmanIsIdentifiedAsPodman() {
        try (ContainerRuntime runtime = ContainerRuntimes.connect(settings("auto", rootlessPodman, Optional.empty()))) {
            assertThat(runtime.engine().kind()).isEqualTo(EngineKind.PODMAN);
        }
    }

    private static RuntimeSettings settings(
            String preference, TestEngine dockerHost, Optional<TestEngine> containerHost) {
        return new RuntimeSettings(
                preference,
                Optional.of(dockerHost.endpoint().toString()),
                containerHost.map(engine -> engine.endpoint().toString()),
                Optional.empty(),
                Optional.of(TestEngines.NETWORK));
    }
}
