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
    private static final Set<URI> EVERY_ENGINE_ANSWERS =
            Set.of(DOCKER_HOST, CONTAINER_HOST, ROOTLESS_PODMAN, ROOTFUL_PODMAN, DOCKER_SOCKET);

    private final List<URI> tried = new ArrayList<>();

    @Test
    void autoWithoutVariablesSearchesTheSocketsInTheSpecifiedOrder() {
        assertThat(EngineCandidates.of(settings(null, null), EnginePreference.AUTO))
                .satisfies(search -> assertThat(search.named()).isFalse())
                .extracting(EngineSearch::candidates)
                .satisfies(candidates -> assertThat(candidates)
                        .extracting(candidate -> candidate.endpoint().orElseThrow())
                        .containsExactly(ROOTLESS_PODMAN, ROOTFUL_PODMAN, DOCKER_SOCKET));
    }

    @Test
    void autoTakesTheFirstSocketThatAnswersAndSaysWhatItSkipped() {
        ContainerRuntime runtime = detector(Set.of(ROOTFUL_PODMAN, DOCKER_SOCKET))
                .connect(EngineCandidates.of(settings(null, null), EnginePreference.AUTO));

        assertThat(runtime.engine().endpoint()).isEqualTo(ROOTFUL_PODMAN.toString());
        assertThat(tried).containsExactly(ROOTLESS_PODMAN, ROOTFUL_PODMAN);
    }

    @Test
    void aNamedContainerHostThatIsDownFailsNamingItInsteadOfFallingBack() {
        assertThatThrownBy(() -> connect(EnginePreference.PODMAN, null, "unix:///missing.sock"))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessage("podman at unix:///missing.sock (CONTAINER_HOST): nothing at unix:///missing.sock");

        assertThat(tried).containsExactly(URI.create("unix:///missing.sock"));
    }

    @Test
    void aNamedDockerHostThatIsDownFailsUnderEveryPreferenceThatAdmitsDocker() {
        for (EnginePreference preference : List.of(EnginePreference.AUTO, EnginePreference.DOCKER)) {
            assertThatThrownBy(() -> connect(preference, "unix:///missing.sock", null))
                    .hasMessage("docker at unix:///missing.sock (DOCKER_HOST): nothing at unix:///missing.sock");
        }
        assertThat(tried).containsOnly(URI.create("unix:///missing.sock"));
    }

    @Test
    void autoWithAVariableUsesOnlyThatEngine() {
        connect(EnginePreference.AUTO, null, CONTAINER_HOST.toString());
        connect(EnginePreference.AUTO, DOCKER_HOST.toString(), null);

        assertThat(tried).containsExactly(CONTAINER_HOST, DOCKER_HOST);
    }

    @Test
    void dockerHostNamesTheEngineWhenAutoSeesBothVariables() {
        assertThat(EngineCandidates.of(settings(DOCKER_HOST, CONTAINER_HOST), EnginePreference.AUTO)
                        .candidates())
                .extracting(EngineCandidate::description)
                .containsExactly("DOCKER_HOST");
    }

    @Test
    void eachRuntimeTakesOnlyItsOwnVariable() {
        connect(EnginePreference.PODMAN, DOCKER_HOST.toString(), CONTAINER_HOST.toString());
        connect(EnginePreference.DOCKER, DOCKER_HOST.toString(), CONTAINER_HOST.toString());

        assertThat(tried).containsExactly(CONTAINER_HOST, DOCKER_HOST);
    }

    @Test
    void podmanWithoutContainerHostSearchesOnlyPodmansOwnSockets() {
        assertThatThrownBy(() -> connect(EnginePreference.PODMAN, DOCKER_HOST.toString(), null, Set.of()))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessage("no container engine answered (runtime podman); tried "
                        + EngineCandidates.ROOTLESS_PODMAN + " at " + ROOTLESS_PODMAN + ": nothing at "
                        + ROOTLESS_PODMAN
                        + "; " + EngineCandidates.ROOTFUL_PODMAN + " at " + ROOTFUL_PODMAN + ": nothing at "
                        + ROOTFUL_PODMAN);
        assertThat(tried).containsExactly(ROOTLESS_PODMAN, ROOTFUL_PODMAN);
    }

    @Test
    void dockerWithoutDockerHostTriesOnlyTheDockerSocket() {
        connect(EnginePreference.DOCKER, null, CONTAINER_HOST.toString());

        assertThat(tried).containsExactly(DOCKER_SOCKET);
    }

    @Test
    void aSearchThatFindsNothingSaysInOneLineWhatItTriedAndWhy() {
        RuntimeSettings noXdg =
                new RuntimeSettings("auto", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> detector(Set.of()).connect(EngineCandidates.of(noXdg, EnginePreference.AUTO)))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageStartingWith("no container engine answered (runtime auto); tried ")
                .hasMessageContaining(EngineCandidates.ROOTLESS_PODMAN + ": not set")
                .hasMessageContaining("rootful Podman socket at " + ROOTFUL_PODMAN + ": nothing at " + ROOTFUL_PODMAN)
                .hasMessageContaining("Docker socket at " + DOCKER_SOCKET + ": nothing at " + DOCKER_SOCKET)
                .message()
                .doesNotContain("\n");
        assertThat(tried).containsExactly(ROOTFUL_PODMAN, DOCKER_SOCKET);
    }

    @Test
    void aVariableThatIsNoUriIsReportedAsSuch() {
        RuntimeSettings broken = new RuntimeSettings(
                "auto", Optional.of("unix:///path with spaces"), Optional.empty(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> EngineCandidates.of(broken, EnginePreference.AUTO))
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

    private ContainerRuntime connect(EnginePreference preference, String dockerHost, String containerHost) {
        return connect(preference, dockerHost, containerHost, EVERY_ENGINE_ANSWERS);
    }

    private ContainerRuntime connect(
            EnginePreference preference, String dockerHost, String containerHost, Set<URI> answering) {
        RuntimeSettings settings = new RuntimeSettings(
                preference.id(),
                Optional.ofNullable(dockerHost),
                Optional.ofNullable(containerHost),
                Optional.of("/run/user/1000"),
                Optional.empty());
        return detector(answering).connect(EngineCandidates.of(settings, preference));
    }

    private static RuntimeSettings settings(URI dockerHost, URI containerHost) {
        return new RuntimeSettings(
                "auto",
                Optional.ofNullable(dockerHost).map(URI::toString),
                Optional.ofNullable(containerHost).map(URI::toString),
                Optional.of("/run/user/1000"),
                Optional.empty());
    }

    private RuntimeDetector detector(Set<URI> answering) {
        return new RuntimeDetector(endpoint -> {
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
