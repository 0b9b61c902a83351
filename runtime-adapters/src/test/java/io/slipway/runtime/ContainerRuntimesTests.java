package io.slipway.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerRuntimesTests {

    @TempDir
    Path folder;

    @Test
    void aMissingSocketIsUnavailable() {
        Path socket = folder.resolve("absent.sock");

        assertThatThrownBy(() -> ContainerRuntimes.connect(URI.create("unix://" + socket), Optional.empty()))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessage("no socket at " + socket);
    }

    @Test
    void aSocketNobodyListensOnIsUnavailable() throws IOException {
        Path notASocket = Files.createFile(folder.resolve("dead.sock"));

        assertThatThrownBy(() -> ContainerRuntimes.connect(URI.create("unix://" + notASocket), Optional.empty()))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageStartingWith("cannot ping: the engine at unix://" + notASocket + " does not answer");
    }

    @Test
    void anUnknownPreferenceIsRefused() {
        RuntimeSettings settings =
                new RuntimeSettings("lxc", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> ContainerRuntimes.connect(settings)).isInstanceOf(IllegalArgumentException.class);
    }
}
