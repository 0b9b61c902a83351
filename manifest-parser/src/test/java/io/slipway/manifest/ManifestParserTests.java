package io.slipway.manifest;

import static io.slipway.manifest.Manifests.PARSER;
import static io.slipway.manifest.Manifests.utf8;
import static io.slipway.manifest.Manifests.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both files together: the deployment tasks, the process types, the size limit and the problems of both. */
class ManifestParserTests {

    private static final String APP_JSON = """
      {
        "name": "tickets",
        "scripts": {"dokku": {"predeploy": "rake assets:precompile", "postdeploy": "rake notify"},
                    "postdeploy": "rake db:seed"}
      }""";
    private static final String PROCFILE =
            "release: rake db:migrate\nweb: puma\npostdeploy: rake cleanup\nworker: sidekiq\n";

    @Test
    void takesPredeployPostdeployAndSetupFromAppJsonAndReleaseFromTheProcfile() throws ManifestException {
        ParsedManifests manifests = PARSER.parse(utf8(APP_JSON), utf8(PROCFILE));

        assertThat(manifests.tasks())
                .isEqualTo(new DeploymentTasks(
                        Optional.of("rake assets:precompile"),
                        Optional.of("rake db:migrate"),
                        Optional.of("rake notify"),
                        Optional.of("rake db:seed")));
    }

    @Test
    void listsProcessTypesInFileOrderWithoutRelease() throws ManifestException {
        ParsedManifests manifests = PARSER.parse(utf8(APP_JSON), utf8(PROCFILE));

        assertThat(manifests.processes())
                .containsExactly(
                        Map.entry("web", "puma"),
                        Map.entry("postdeploy", "rake cleanup"),
                        Map.entry("worker", "sidekiq"));
        assertThat(manifests.processes()).doesNotContainKey(Procfile.RELEASE);
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> manifests.processes().put("x", "y"));
    }

    @Test
    void carriesTheWarningsOfAppJson() throws ManifestException {
        ParsedManifests manifests = PARSER.parse(utf8(APP_JSON), utf8(PROCFILE));

        assertThat(where(manifests.warnings())).containsExactly("2:3 name");
    }

    @Test
    void treatsMissingFilesAsNoTasksAndNoProcesses() throws ManifestException {
        ParsedManifests manifests = PARSER.parse(null, null);

        assertThat(manifests.procfile()).isEmpty();
        assertThat(manifests.appJson()).isEqualTo(AppJson.empty());
        assertThat(manifests.tasks())
                .isEqualTo(new DeploymentTasks(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(manifests.processes()).isEmpty();
        assertThat(PARSER.parseProcfile(null)).isEqualTo(Procfile.absent());
    }

    @Test
    void reportsTheProblemsOfBothFilesTogether() {
        ManifestException e = assertThrows(
                ManifestException.class,
                () -> PARSER.parse(
                        utf8("{\"scripts\": {\"dokku\": {\"predeploy\": 1, \"postdeploy\": []}}}"),
                        utf8("web: a\nweb: b\nnot an entry\n")));

        assertThat(e.problems())
                .extracting(ManifestProblem::file)
                .containsExactly("app.json", "app.json", "Procfile", "Procfile");
        assertThat(where(e.problems()))
                .containsExactly("1:37 scripts.dokku.predeploy", "1:54 scripts.dokku.postdeploy", "2:1", "3:1");
        assertThat(e.getMessage())
                .isEqualTo(
                        "invalid manifest, 4 problems: "
                                + "app.json:1:37: scripts.dokku.predeploy: must be a string holding the predeploy command, not a number; "
                                + "app.json:1:54: scripts.dokku.postdeploy: must be a string holding the postdeploy command, not an array; "
                                + "Procfile:2:1: duplicate name \"web\", first at line 1; "
                                + "Procfile:3:1: expected \"name: command\" (a name of letters, digits, '_' and '-'), a comment or a blank line");
    }

    @Test
    void summarisesManyProblemsInItsMessage() {
        ManifestException e = assertThrows(
                ManifestException.class, () -> PARSER.parseProcfile(utf8("web: a\n" + "web: b\n".repeat(7))));

        assertThat(e.problems()).hasSize(7);
        assertThat(e.getMessage())
                .startsWith("invalid manifest, 7 problems: Procfile:2:1: duplicate name")
                .endsWith("; and 2 more");
    }

    /** A file of exactly {@code size} bytes that would parse if it were allowed. */
    record Sized(String file, int size) {
        @Override
        public String toString() {
            return file + " of " + size + " bytes";
        }

        byte[] bytes() {
            byte[] start = utf8(file.equals(ManifestProblem.APP_JSON) ? "{}" : "web: puma\n#");
            byte[] bytes = Arrays.copyOf(start, size);
            Arrays.fill(bytes, start.length, size, (byte) ' ');
            return bytes;
        }

        ParsedManifests parse() throws ManifestException {
            return file.equals(ManifestProblem.APP_JSON) ? PARSER.parse(bytes(), null) : PARSER.parse(null, bytes());
        }
    }

    static Stream<Sized> oversizedFiles() {
        return Stream.of(ManifestProblem.APP_JSON, ManifestProblem.PROCFILE)
                .flatMap(file ->
                        Stream.of(new Sized(file, ManifestParser.MAX_FILE_BYTES + 1), new Sized(file, 5_000_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedFiles")
    void rejectsAFileLargerThanOneMebibyte(Sized input) {
        List<ManifestProblem> errors =
                assertThrows(ManifestException.class, input::parse).problems();

        assertThat(errors)
                .containsExactly(new ManifestProblem(
                        input.file(),
                        0,
                        0,
                        "",
                        "the file is " + input.size() + " bytes; the limit is 1 MiB (1048576 bytes)"));
    }

    static Stream<Sized> filesAtTheLimit() {
        return Stream.of(ManifestProblem.APP_JSON, ManifestProblem.PROCFILE)
                .map(file -> new Sized(file, ManifestParser.MAX_FILE_BYTES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesAtTheLimit")
    void acceptsAFileOfExactlyOneMebibyte(Sized input) throws ManifestException {
        assertThat(input.parse()).isNotNull();
    }
}
