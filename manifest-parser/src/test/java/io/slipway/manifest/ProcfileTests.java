package io.slipway.manifest;

import static io.slipway.manifest.Manifests.PARSER;
import static io.slipway.manifest.Manifests.procfileErrors;
import static io.slipway.manifest.Manifests.utf8;
import static io.slipway.manifest.Manifests.where;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Procfile grammar of procfile-util, with every problem reported and its line number. */
class ProcfileTests {

    /** A case: a Procfile that parses, its process types in order and its release command (or null). */
    record Valid(String name, String text, Map<String, String> processes, String release) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Process type, command, process type, command... in file order. */
    private static Map<String, String> inOrder(String... nameThenCommand) {
        Map<String, String> processes = new LinkedHashMap<>();
        for (int i = 0; i < nameThenCommand.length; i += 2) {
            processes.put(nameThenCommand[i], nameThenCommand[i + 1]);
        }
        return processes;
    }

    static Stream<Valid> validFiles() {
        return Stream.of(
                new Valid("one entry, no final newline", "web: node server.js", inOrder("web", "node server.js"), null),
                new Valid(
                        "release is the release task, not a process type",
                        "release: rake db:migrate\nweb: puma\nworker: sidekiq\n",
                        inOrder("web", "puma", "worker", "sidekiq"),
                        "rake db:migrate"),
                new Valid("only a release entry", "release: ./release.sh", inOrder(), "./release.sh"),
                new Valid(
                        "a process type named postdeploy is ordinary",
                        "web: gunicorn\npostdeploy: python manage.py x\n",
                        inOrder("web", "gunicorn", "postdeploy", "python manage.py x"),
                        null),
                new Valid(
                        "CRLF line endings",
                        "web: puma\r\nworker: sidekiq\r\n",
                        inOrder("web", "puma", "worker", "sidekiq"),
                        null),
                new Valid("byte-order mark", "\uFEFFweb: puma\n", inOrder("web", "puma"), null),
                new Valid(
                        "comments and blank lines",
                        "# header\n\n  // slashes\n\t# web: old\nweb: puma\n\n",
                        inOrder("web", "puma"),
                        null),
                new Valid("lines are trimmed", "   web:    puma -p $PORT   \n", inOrder("web", "puma -p $PORT"), null),
                new Valid("no space after the colon", "web:puma", inOrder("web", "puma"), null),
                new Valid(
                        "trailing # comment",
                        "web: puma -C config.rb # the server\n",
                        inOrder("web", "puma -C config.rb"),
                        null),
                new Valid("trailing // comment", "web: puma\t// the server", inOrder("web", "puma"), null),
                new Valid(
                        "a comment starts at the first marker", "web: echo a # b # c", inOrder("web", "echo a"), null),
                new Valid(
                        "# without white space before it is no comment",
                        "web: echo issue#12",
                        inOrder("web", "echo issue#12"),
                        null),
                new Valid(
                        "// in a URL is no comment",
                        "web: curl http://example.com/x",
                        inOrder("web", "curl http://example.com/x"),
                        null),
                new Valid(
                        "names with digits, _ and -",
                        "web_2: a\nworker-beat: b\nX1: c",
                        inOrder("web_2", "a", "worker-beat", "b", "X1", "c"),
                        null),
                new Valid("a 63-character name", "w".repeat(63) + ": run", inOrder("w".repeat(63), "run"), null),
                new Valid(
                        "colons in the command",
                        "web: gunicorn app:server --bind 0.0.0.0:$PORT",
                        inOrder("web", "gunicorn app:server --bind 0.0.0.0:$PORT"),
                        null),
                new Valid("non-ASCII command", "web: echo \"Grüße — ✓\"", inOrder("web", "echo \"Grüße — ✓\""), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void parses(Valid input) throws ManifestException {
        Procfile procfile = PARSER.parseProcfile(utf8(input.text()));

        assertThat(procfile.processes()).containsExactlyEntriesOf(input.processes());
        assertThat(procfile.release().orElse(null)).isEqualTo(input.release());
    }

    @Test
    void keepsTheLineOfEachEntry() throws ManifestException {
        Procfile procfile = PARSER.parseProcfile(utf8("# processes\nrelease: migrate\n\nweb: puma\r\nworker: sidekiq"));

        assertThat(procfile.processTypes())
                .containsExactly(new ProcfileEntry("web", "puma", 4), new ProcfileEntry("worker", "sidekiq", 5));
    }

    /** A case: a Procfile with errors, each as "line:column" with a fragment of its message. */
    record Invalid(String name, String text, List<String> where, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Invalid> invalidFiles() {
        return Stream.of(
                new Invalid(
                        "duplicate name",
                        "web: a\nworker: b\nworker: c\n",
                        List.of("3:1"),
                        "duplicate name \"worker\", first at line 2"),
                new Invalid(
                        "duplicate release",
                        "release: a\nweb: b\n  release: c",
                        List.of("3:3"),
                        "duplicate name \"release\""),
                new Invalid(
                        "backslash continuation lines",
                        "web: gunicorn app \\\n  --bind :$PORT \\\n  --workers 2\n",
                        List.of("2:3", "3:3"),
                        "the line before ends with a backslash"),
                new Invalid(
                        "a line that is not an entry",
                        "web: puma\nthis is not an entry\n",
                        List.of("2:1"),
                        "expected \"name: command\""),
                new Invalid("white space before the colon", "web : puma", List.of("1:1"), "expected \"name: command\""),
                new Invalid("a name with a dot", "web.1: puma", List.of("1:1"), "expected \"name: command\""),
                new Invalid("empty command", "web:\nworker: sidekiq", List.of("1:1"), "no command after \"web:\""),
                new Invalid(
                        "only white space after the colon",
                        "worker: sidekiq\n  web:   \t",
                        List.of("2:3"),
                        "no command"),
                new Invalid(
                        "only a comment after the colon",
                        "web: # later\nworker: sidekiq",
                        List.of("1:1"),
                        "no command"),
                new Invalid(
                        "a comment in place of the command",
                        "web:#later\nworker: sidekiq",
                        List.of("1:1"),
                        "no command"),
                new Invalid(
                        "a 64-character name", "w".repeat(64) + ": run", List.of("1:1"), "longer than 63 characters"),
                new Invalid("empty file", "", List.of("0:0"), "no entries"),
                new Invalid("white space only", " \n\r\n\t", List.of("0:0"), "no entries"),
                new Invalid("comments only", "# web: puma\n// worker: sidekiq\n", List.of("0:0"), "no entries"),
                new Invalid(
                        "all problems, not only the first",
                        "web: a\nweb: b\n: c\nworker:\nx\n",
                        List.of("2:1", "3:1", "4:1", "5:1"),
                        ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void reportsEveryProblemWithItsLine(Invalid input) {
        List<ManifestProblem> errors = procfileErrors(input.text());

        assertThat(where(errors)).containsExactlyElementsOf(input.where());
        assertThat(errors).allSatisfy(error -> {
            assertThat(error.file()).isEqualTo(ManifestProblem.PROCFILE);
            assertThat(error.path()).isEmpty();
            assertThat(error.message()).contains(input.message());
        });
    }

    @Test
    void rejectsAProcfileThatIsNotUtf8() {
        List<ManifestProblem> errors = procfileErrors(new byte[] {'w', 'e', 'b', ':', ' ', (byte) 0xC3, '(', '\n'});

        assertThat(where(errors)).containsExactly("1:6");
        assertThat(errors.get(0).message()).isEqualTo("not valid UTF-8: byte 0xC3 at offset 5");
    }
}
