package io.slipway.runtime.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.EngineInfo;
import io.slipway.runtime.EngineKind;
import io.slipway.runtime.EngineUnavailableException;
import io.slipway.runtime.RuntimeSettings;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuntimeDetectorTests {

    private static final URI DOCKER_HOST = URI.create("tcp://127.0.0.1:2375");
    private static final URI CONTAINER_HOST = URI.create("unix:///custom/podman.sock");
    private static final URI ROOTLESS_PODMAN = URI.create("unix:///run/user/1000/podman/podman.sock");
    private static final URI ROOTFUL_PODMAN = URI.create("unix:///run/podman/podman.sock");
    private static final URI DOCKER_SOCKET = URI.create("unix:///var/run/docker.sock");

    private static final RuntimeSettings EVERYTHING_SET = new RuntimeSettings(
            "auto",
            Optional.of(DOCKER_HOST.toString()),
            Optional.of(CONTAINER_HOST.toString()),
            Optional.of("/run/user/1000"),
            Optional.empty());
    private static final RuntimeSettings NOTHING_SET =
            new RuntimeSettings("auto", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    private final List<URI> tried = new ArrayList<>();

    @Test
    void candidatesFollowTheSpecifiedOrder() {
        assertThat(EngineCandidates.inOrder(EVERYTHING_SET))
                .extracting(candidate -> candidate.endpoint().orElseThrow())
                .containsExactly(DOCKER_HOST, CONTAINER_HOST, ROOTLESS_PODMAN, ROOTFUL_PODMAN, DOCKER_SOCKET);
    }

    @Test
    void autoTakesTheFirstCandidateThatAnswers() {
        ContainerRuntime runtime =
                detector(EVERYTHING_SET, Set.of(ROOTFUL_PODMAN, DOCKER_SOCKET)).connect(EnginePreference.AUTO);

        assertThat(runtime.engine().endpoint()).isEqualTo(ROOTFUL_PODMAN.toString());
        assertThat(tried).containsExactly(DOCKER_HOST, CONTAINER_HOST, ROOTLESS_PODMAN, ROOTFUL_PODMAN);
    }

    @Test
    void anExplicitVariableWinsOverTheWellKnownSockets() {
        detector(EVERYTHING_SET, Set.of(DOCKER_HOST, DOCKER_SOCKET)).connect(EnginePreference.AUTO);

        assertThat(tried).containsExactly(DOCKER_HOST);
    }

    @Test
    void podmanPreferenceTriesOnlyPodmanCandidates() {
        assertThatThrownBy(() -> detector(EVERYTHING_SET, Set.of()).connect(EnginePreference.PODMAN))
                .isInstanceOf(EngineUnavailableException.class);

        assertThat(tried).containsExactly(CONTAINER_HOST, ROOTLESS_PODMAN, ROOTFUL_PODMAN);
    }

    @Test
    void dockerPreferenceTriesOnlyDockerCandidates() {
        detector(EVERYTHING_SET, Set.of(DOCKER_SOCKET, ROOTFUL_PODMAN)).connect(EnginePreference.DOCKER);

        assertThat(tried).containsExactly(DOCKER_HOST, DOCKER_SOCKET);
    }

    @Test
    void unsetVariablesAreNotTriedButReported() {
        assertThatThrownBy(() -> detector(NOTHING_SET, Set.of()).connect(EnginePreference.AUTO))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("DOCKER_HOST: not set")
                .hasMessageContaining("CONTAINER_HOST: not set")
                .hasMessageContaining("rootless Podman socket ($XDG_RUNTIME_DIR/podman/podman.sock): not set");
        assertThat(tried).containsExactly(ROOTFUL_PODMAN, DOCKER_SOCKET);
    }

    @Test
    void whenNothingAnswersOneErrorListsEveryAttemptAndWhy() {
        assertThatThrownBy(() -> detector(EVERYTHING_SET, Set.of()).connect(EnginePreference.AUTO))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageStartingWith("no container engine answered (runtime auto)")
                .hasMessageContaining("DOCKER_HOST at " + DOCKER_HOST + ": nothing at " + DOCKER_HOST)
                .hasMessageContaining("CONTAINER_HOST at " + CONTAINER_HOST + ": nothing at " + CONTAINER_HOST)
                .hasMessageContaining(
                        "rootless Podman socket ($XDG_RUNTIME_DIR/podman/podman.sock) at " + ROOTLESS_PODMAN)
                .hasMessageContaining("rootful Podman socket at " + ROOTFUL_PODMAN)
                .hasMessageContaining("Docker socket at " + DOCKER_SOCKET + ": nothing at " + DOCKER_SOCKET);
    }

    @Test
    void anEndpointNamedTwiceIsTriedOnce() {
        RuntimeSettings dockerHostIsTheSocket = new RuntimeSettings(
                "docker", Optional.of(DOCKER_SOCKET.toString()), Optional.empty(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> detector(dockerHostIsTheSocket, Set.of()).connect(EnginePreference.DOCKER))
                .isInstanceOf(EngineUnavailableException.class);
        assertThat(tried).containsExactly(DOCKER_SOCKET);
    }

    @Test
    void aVariableThatIsNoUriIsReportedAsSuch() {
        RuntimeSettings broken = new RuntimeSettings(
                "auto", Optional.of("unix:///path with spaces"), Optional.empty(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> EngineCandidates.inOrder(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DOCKER_HOST is not an endpoint URI");
    }

    @Test
    void preferencesAreReadCaseInsensitivelyAndUnknownOnesRefused() {
        assertThat(EnginePreference.parse(" Podman ")).isEqualTo(EnginePreference.PODMAN);
        assertThatThrownBy(() -> EnginePreference.parse("containerd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown container runtime 'containerd': use one of auto, docker, podman");
    }

    private RuntimeDetector detector(RuntimeSettings settings, Set<URI> answering) {
        return new RuntimeDetector(EngineCandidates.inOrder(settings), endpoint -> {
            tried.add(endpoint);
            if (!answering.contains(endpoint)) {
                throw new EngineUnavailableException("nothing at " + endpoint);
            }
            return runtimeAt(endpoint);
        });
    }

    /** Only what the detector touches: the engine description. */
    private static ContainerRuntime runtimeAt(URI endpoint) {
        EngineInfo engine = new EngineInfo(EngineKind.DOCKER, "test", false, endpoint.toString());
        return (ContainerRuntime) Proxy.newProxyInstance(
                ContainerRuntime.class.getClassLoader(),
                new Class<?>[] {ContainerRuntime.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("engine")) {
                        return engine;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
