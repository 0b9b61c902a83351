package io.slipway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Detection against the real engines: the engine is identified by what it answers. */
class RuntimeDetectionIT {

    /** The engines are shared with other builds: a busy one may take longer than the default to answer. */
    private static final Duration BUSY_ENGINE_TIMEOUT = Duration.ofSeconds(30);

    private final TestEngine docker = TestEngines.named("docker");
    private final TestEngine rootlessPodman = TestEngines.named("podman-rootless");

    @Test
    void dockerHostLeadsToDocker() {
        try (ContainerRuntime runtime =
                ContainerRuntimes.connect(settings("docker", docker, Optional.empty()), BUSY_ENGINE_TIMEOUT)) {
            assertThat(runtime.engine().kind()).isEqualTo(EngineKind.DOCKER);
            assertThat(runtime.engine().version()).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(runtime.engine().endpoint()).isEqualTo(docker.endpoint().toString());
        }
    }

    @Test
    void containerHostLeadsToPodmanAndSaysWhetherItIsRootless() {
        try (ContainerRuntime runtime = ContainerRuntimes.connect(
                settings("podman", docker, Optional.of(rootlessPodman)), BUSY_ENGINE_TIMEOUT)) {
            assertThat(runtime.engine().kind()).isEqualTo(EngineKind.PODMAN);
            // From Podman's own info, where its ping named it: the version its /version would say.
            assertThat(runtime.engine().version()).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(runtime.engine().rootless()).isTrue();
            assertThat(runtime.engine().endpoint())
                    .isEqualTo(rootlessPodman.endpoint().toString());
        }
    }

    @Test
    void aDockerHostThatIsPodmanIsIdentifiedAsPodman() {
        try (ContainerRuntime runtime =
                ContainerRuntimes.connect(settings("auto", rootlessPodman, Optional.empty()), BUSY_ENGINE_TIMEOUT)) {
            assertThat(runtime.engine().kind()).isEqualTo(EngineKind.PODMAN);
        }
    }

    /** Rootful Podman answers on its standard socket meanwhile: a missing named socket must not lead there. */
    @Test
    void aNamedEngineThatIsDownIsReportedNotReplacedByOneThatAnswers() {
        TestEngine rootfulPodman = TestEngines.named("podman");
        assertThat(rootfulPodman.endpoint().toString()).isEqualTo("unix:///run/podman/podman.sock");
        try (ContainerRuntime answering =
                ContainerRuntimes.connect(rootfulPodman.endpoint(), Optional.empty(), BUSY_ENGINE_TIMEOUT)) {
            assertThat(answering.engine().kind()).isEqualTo(EngineKind.PODMAN);
        }

        for (String preference : new String[] {"podman", "auto"}) {
            RuntimeSettings missing = new RuntimeSettings(
                    preference,
                    Optional.empty(),
                    Optional.of("unix:///missing.sock"),
                    Optional.empty(),
                    Optional.of(TestEngines.NETWORK));
            assertThatThrownBy(() -> ContainerRuntimes.connect(missing, BUSY_ENGINE_TIMEOUT)
                            .close())
                    .isInstanceOf(EngineUnavailableException.class)
                    .hasMessage("podman at unix:///missing.sock (CONTAINER_HOST): no socket at /missing.sock");
        }
    }

    @Test
    void podmanWithoutContainerHostFindsPodmansOwnSocket() {
        RuntimeSettings podman = new RuntimeSettings(
                "podman",
                Optional.of(docker.endpoint().toString()),
                Optional.empty(),
                Optional.empty(),
                Optional.of(TestEngines.NETWORK));
        try (ContainerRuntime runtime = ContainerRuntimes.connect(podman, BUSY_ENGINE_TIMEOUT)) {
            assertThat(runtime.engine().kind()).isEqualTo(EngineKind.PODMAN);
            assertThat(runtime.engine().endpoint()).isEqualTo("unix:///run/podman/podman.sock");
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
