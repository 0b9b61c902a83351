package io.slipway.manifest;

import static io.slipway.manifest.Manifests.PARSER;
import static io.slipway.manifest.Manifests.appJson;
import static io.slipway.manifest.Manifests.appJsonErrors;
import static io.slipway.manifest.Manifests.utf8;
import static io.slipway.manifest.Manifests.where;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** app.json as JSON: comments, trailing commas, empty files, byte-order marks and invalid JSON with positions. */
class AppJsonSyntaxTests {

    record Text(String name, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Text> emptyObjects() {
        return Stream.of(
                new Text("empty file", ""),
                new Text("white space only", "  \n\t\r\n "),
                new Text("byte-order mark only", "\uFEFF"),
                new Text("byte-order mark and white space", "\uFEFF \n"),
                new Text("comments only", "// nothing yet\n/* still nothing */\n"),
                new Text("empty object", "{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyObjects")
    void readsAsEmptyObject(Text input) throws ManifestException {
        assertThat(appJson(input.text())).isEqualTo(AppJson.empty());
    }

    @Test
    void readsAMissingFileAsEmptyObject() throws ManifestException {
        assertThat(PARSER.parseAppJson(null)).isEqualTo(AppJson.empty());
    }

    static Stream<Text> acceptedSyntax() {
        return Stream.of(
                new Text(
                        "line comment",
                        "{\n// why\n\"scripts\": {\"dokku\": {\"predeploy\": \"migrate\"}} // after\n}"),
                new Text(
                        "block comment",
                        "/* a\n b */ {\"scripts\": /* inline */ {\"dokku\": {\"predeploy\": \"migrate\"}}}"),
                new Text("trailing comma in objects", "{\"scripts\": {\"dokku\": {\"predeploy\": \"migrate\",},},}"),
                new Text(
                        "trailing comma in an array",
                        "{\"scripts\": {\"dokku\": {\"predeploy\": \"migrate\"}}, \"keywords\": [1, 2,]}"),
                new Text(
                        "comment markers inside a string",
                        "{\"scripts\": {\"dokku\": {\"predeploy\": \"migrate\"}},"
                                + " \"env\": {\"URL\": \"http://x/* y */\"}}"),
                new Text("byte-order mark", "\uFEFF{\"scripts\": {\"dokku\": {\"predeploy\": \"migrate\"}}}"),
                new Text(
                        "CRLF line endings",
                        "{\r\n\"scripts\": {\r\n\"dokku\": {\"predeploy\": \"migrate\"}}\r\n}\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedSyntax")
    void acceptsJsonWithCommentsAndTrailingCommas(Text input) throws ManifestException {
        assertThat(appJson(input.text()).predeploy()).contains("migrate");
    }

    /** Invalid input, where the one error must be ("line:column path") and what its message must say. */
    record Invalid(String name, byte[] bytes, String where, String message) {

        Invalid(String name, String text, String where, String message) {
            this(name, utf8(text), where, message);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Invalid> invalidJson() {
        return Stream.of(
                new Invalid(
                        "object never closed",
                        "{\n  \"scripts\": {\n    \"dokku\": {}\n  }\n",
                        "5:1",
                        "the object opened at line 1, column 1 is not closed"),
                new Invalid(
                        "nested object never closed, as in python-getting-started",
                        "{\n  \"env\": {\n    \"A\": {\"value\": \"1\"},\n  \"environments\": {}\n}",
                        "5:2",
                        "the object opened at line 1, column 1 is not closed"),
                new Invalid(
                        "array never closed",
                        "{\"cron\": [1, 2",
                        "1:15",
                        "the array opened at line 1, column 10 (cron) is not closed"),
                new Invalid("string never closed", "{\n\"name\": \"abc", "2:13", "inside a string"),
                new Invalid("missing colon", "{\"a\" 1}", "1:6", "was expecting a colon"),
                new Invalid("misspelt literal", "{\n  \"a\": tru\n}", "2:8", "Unrecognized token 'tru'"),
                new Invalid("two commas", "{\"a\": 1,,}", "1:9", "double-quote to start field name"),
                new Invalid("single quotes", "{'a': 1}", "1:2", "double-quote to start field name"),
                new Invalid("control character in a string", "{\"a\": \"x\u0001\"}", "1:9", "CTRL-CHAR"),
                new Invalid("a second top-level value", "{}\n{}", "2:1", "after the end of the top-level value"),
                new Invalid("top level is an array", "\n  [1, 2]", "2:3", "must hold an object, not an array"),
                new Invalid("top level is a string", "\"scripts\"", "1:1", "must hold an object, not a string"),
                new Invalid("top level is a number", "42", "1:1", "must hold an object, not a number"),
                new Invalid("top level is null", "null", "1:1", "must hold an object, not null"),
                new Invalid("columns count after a byte-order mark", "\uFEFF{\"a\" 1}", "1:6", "was expecting a colon"),
                new Invalid("lines count CRLF once", "{\r\n\r\n  \"a\" 1\r\n}", "3:7", "was expecting a colon"),
                new Invalid(
                        "columns count characters, not bytes",
                        "{\"é\": \"ü\", \"a\" 1}",
                        "1:16",
                        "was expecting a colon"),
                new Invalid(
                        "not UTF-8",
                        new byte[] {'{', '\n', '"', 'a', '"', ':', ' ', '"', (byte) 0xFF, '"', '}'},
                        "2:7",
                        "not valid UTF-8: byte 0xFF at offset 8"),
                new Invalid(
                        "nested too deep",
                        "{\"a\": " + "[".repeat(300),
                        "1:" + (6 + JsonTreeReader.MAX_NESTING_DEPTH),
                        "nested deeper than 256 levels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidJson")
    void rejectsInvalidJsonWithItsPosition(Invalid input) {
        List<ManifestProblem> errors = appJsonErrors(input.bytes());

        assertThat(where(errors)).containsExactly(input.where());
        assertThat(errors.get(0).file()).isEqualTo(ManifestProblem.APP_JSON);
        assertThat(errors.get(0).message()).contains(input.message());
    }
}
