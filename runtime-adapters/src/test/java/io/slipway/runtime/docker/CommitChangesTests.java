package io.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.runtime.EngineKind;
import io.slipway.runtime.ImageDetails;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommitChangesTests {

    private static final ImageConfig WEB_APP = new ImageConfig(
            new ImageDetails(
                    "sha256:1",
                    List.of("/bin/tini", "--"),
                    List.of("web", "--port", "5000"),
                    "/app",
                    List.of("PATH=/usr/bin:/bin", "MODE=production"),
                    "app",
                    Set.of("5000/tcp", "9090/udp")),
            Map.of("maintainer", "ops"));

    @Test
    void restoresHowTheImageStarts() {
        assertThat(CommitChanges.restoring(WEB_APP, Set.of(), Set.of(), EngineKind.DOCKER))
                .containsExactly(
                        "ENTRYPOINT [\"/bin/tini\",\"--\"]",
                        "CMD [\"web\",\"--port\",\"5000\"]",
                        "WORKDIR /app",
                        "USER app",
                        "EXPOSE 5000/tcp",
                        "EXPOSE 9090/udp");
    }

    @Test
    void aTaskVariableGetsTheImagesValueBackOrNone() {
        assertThat(CommitChanges.restoring(WEB_APP, Set.of("MODE", "DATABASE_URL"), Set.of(), EngineKind.PODMAN))
                .endsWith("ENV DATABASE_URL=\"\"", "ENV MODE=\"production\"");
    }

    @Test
    void aTaskLabelGetsTheImagesValueBackOrNone() {
        assertThat(CommitChanges.restoring(
                        WEB_APP, Set.of(), Set.of("maintainer", "io.slipway.phase"), EngineKind.PODMAN))
                .endsWith("LABEL io.slipway.phase=\"\"", "LABEL maintainer=\"ops\"");
    }

    @Test
    void escapesValuesForDockersLexerButNotForPodmansVerbatimReading() {
        ImageConfig tricky = new ImageConfig(
                details(List.of(), List.of("sh"), List.of("GREETING=say \"hi\" to $USER\\n")), Map.of());

        assertThat(CommitChanges.restoring(tricky, Set.of("GREETING"), Set.of(), EngineKind.DOCKER))
                .contains("ENV GREETING=\"say \\\"hi\\\" to \\$USER\\\\n\"");
        assertThat(CommitChanges.restoring(tricky, Set.of("GREETING"), Set.of(), EngineKind.PODMAN))
                .contains("ENV GREETING=\"say \"hi\" to $USER\\n\"");
    }

    @Test
    void anImageWithoutEntrypointGetsOnlyItsCmdBack() {
        ImageConfig shell = new ImageConfig(details(List.of(), List.of("/bin/sh"), List.of()), Map.of());

        assertThat(CommitChanges.restoring(shell, Set.of(), Set.of(), EngineKind.DOCKER))
                .containsExactly("CMD [\"/bin/sh\"]");
    }

    @Test
    void anImageWithNeitherEntrypointNorCmdIsResetToNeither() {
        ImageConfig bare = new ImageConfig(details(List.of(), List.of(), List.of()), Map.of());

        assertThat(CommitChanges.restoring(bare, Set.of(), Set.of(), EngineKind.DOCKER))
                .containsExactly("ENTRYPOINT [\"\"]", "CMD []");
    }

    private static ImageDetails details(List<String> entrypoint, List<String> cmd, List<String> env) {
        return new ImageDetails("sha256:2", entrypoint, cmd, "", env, "", Set.of());
    }
}
