package io.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.EngineUnavailableException;
import io.slipway.runtime.ImageNotFoundException;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EngineErrorsTests {

    private final EngineErrors errors = new EngineErrors(URI.create("unix:///run/podman/podman.sock"));

    @Test
    void anHttpErrorCarriesTheEnginesMessageOnly() {
        ContainerRuntimeException translated = errors.translate(
                "create task container",
                new ConflictException("{\"message\":\"Conflict. The container name \\\"/web\\\" is already in use\"}"));

        assertThat(translated)
                .isExactlyInstanceOf(ContainerRuntimeException.class)
                .hasMessage("cannot create task container: Conflict. The container name \"/web\" is already in use");
    }

    @Test
    void aBrokenSocketMeansTheEngineIsUnavailable() {
        ContainerRuntimeException translated =
                errors.translate("inspect image x", new RuntimeException(new IOException("Connection refused")));

        assertThat(translated)
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessage(
                        "cannot inspect image x: the engine at unix:///run/podman/podman.sock does not answer (Connection refused)");
    }

    @Test
    void anUnreadableArchiveIsTheCallersProblemNotTheEngines() {
        RuntimeException failure = new RuntimeException(new TarArchives.UnreadableArchiveException(
                new java.io.EOFException("Unexpected end of ZLIB input stream")));

        assertThat(errors.translate("import image x", failure))
                .isExactlyInstanceOf(ContainerRuntimeException.class)
                .hasMessage("cannot import image x: the archive cannot be read (Unexpected end of ZLIB input stream)");
    }

    @Test
    void aClientSideFailureKeepsItsMessage() {
        assertThat(errors.translate("wait for task container", new DockerClientException("Error while wait container")))
                .hasMessage("cannot wait for task container: Error while wait container");
    }

    @Test
    void ourOwnExceptionsPassThrough() {
        ImageNotFoundException notFound = new ImageNotFoundException("nope");

        assertThat(errors.translate("anything", notFound)).isSameAs(notFound);
    }
}
