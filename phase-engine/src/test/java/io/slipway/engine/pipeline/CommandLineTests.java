package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.manifest.CommandSyntaxException;
import io.slipway.runtime.ImageDetails;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTests {

    private static final List<String> SHELL = List.of("/bin/sh", "-c");

    @Test
    void anEntrypointImageGetsTheWordsAsArgumentsAsIs() {
        assertThat(CommandLine.containerCmd("echo \"a b\" c $HOME", image("/entrypoint.sh"), SHELL))
                .containsExactly("echo", "a b", "c", "$HOME");
    }

    @Test
    void anImageWithoutEntrypointRunsTheCommandUnderTheShell() {
        assertThat(CommandLine.containerCmd("echo \"a b\" | wc -c", image(), SHELL))
                .containsExactly("/bin/sh", "-c", "echo \"a b\" | wc -c");
    }

    @Test
    void aTiniEntrypointStillGetsTheShell() {
        assertThat(CommandLine.containerCmd("rake db:migrate", image("/usr/bin/tini", "--"), SHELL))
                .containsExactly("/bin/sh", "-c", "rake db:migrate");
        assertThat(CommandLine.containerCmd("x", image("tini-static"), List.of("/bin/bash", "-lc")))
                .containsExactly("/bin/bash", "-lc", "x");
    }

    @Test
    void anUnterminatedQuoteIsAnErrorForEntrypointImages() {
        assertThatThrownBy(() -> CommandLine.containerCmd("echo 'oops", image("/entrypoint.sh"), SHELL))
                .isInstanceOf(CommandSyntaxException.class);
    }

    private static ImageDetails image(String... entrypoint) {
        return new ImageDetails("id", List.of(entrypoint), List.of(), "/app", List.of(), "", Set.of());
    }
}
