package io.slipway.manifest;

import static io.slipway.manifest.Manifests.PARSER;
import static io.slipway.manifest.Manifests.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the bytes, the parser returns or throws {@link ManifestException}: never another exception, never a
 * stack overflow, never a long stall. Every app.json problem points at a line and column.
 */
class ManifestParserProperties {

    /** Generous, as builds share small machines; it catches runaway behaviour (backtracking, quadratic loops), not slowness. */
    private static final Duration TIME_PER_TRY = Duration.ofSeconds(5);

    private static final Pattern PROCESS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,63}");

    /** What a caller can get from one file: a result or a ManifestException; anything else fails the property. */
    private interface Parse {
        void run() throws ManifestException;
    }

    private static List<ManifestProblem> parsesOrRejects(Parse parse) {
        long start = System.nanoTime();
        List<ManifestProblem> problems = List.of();
        try {
            parse.run();
        } catch (ManifestException e) {
            problems = e.problems();
            assertThat(problems).isNotEmpty();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIME_PER_TRY);
        return problems;
    }

    private static void appJsonParsesOrRejectsWithPositions(byte[] bytes) {
        List<ManifestProblem> problems = parsesOrRejects(() -> PARSER.parseAppJson(bytes));
        boolean tooLarge = bytes.length > ManifestParser.MAX_FILE_BYTES;
        assertThat(problems).allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(ManifestProblem.APP_JSON);
            if (!tooLarge) {
                assertThat(problem.line()).isPositive();
                assertThat(problem.column()).isPositive();
            }
        });
    }

    private static void procfileParsesOrRejects(byte[] bytes) {
        try {
            Procfile procfile = PARSER.parseProcfile(bytes);
            assertThat(procfile.processes()).doesNotContainKey(Procfile.RELEASE);
            assertThat(procfile.processes().keySet())
                    .allMatch(name -> PROCESS_NAME.matcher(name).matches());
            assertThat(procfile.processes().values())
                    .allSatisfy(command -> assertThat(command).isNotBlank());
        } catch (ManifestException e) {
            assertThat(e.problems())
                    .isNotEmpty()
                    .allSatisfy(problem -> assertThat(problem.line()).isNotNegative());
        }
    }

    @Property(tries = 300)
    void appJsonOfRandomBytes(@ForAll @Size(max = 2000) byte[] bytes) {
        appJsonParsesOrRejectsWithPositions(bytes);
    }

    @Property(tries = 300)
    void procfileOfRandomBytes(@ForAll @Size(max = 2000) byte[] bytes) {
        parsesOrRejects(() -> procfileParsesOrRejects(bytes));
    }

    @Property(tries = 300)
    void appJsonOfRandomText(@ForAll @Size(max = 500) String text) {
        appJsonParsesOrRejectsWithPositions(utf8(text));
    }

    @Property(tries = 1000)
    void appJsonOfJsonLikeTokens(@ForAll("jsonLikeText") String text) {
        appJsonParsesOrRejectsWithPositions(utf8(text));
    }

    @Property(tries = 1000)
    void appJsonWithRandomValuesWhereSlipwayLooks(@ForAll("appJsonDocuments") String text) {
        appJsonParsesOrRejectsWithPositions(utf8(text));
    }

    @Property(tries = 1000)
    void procfileOfProcfileLikeLines(@ForAll("procfileLikeText") String text) {
        parsesOrRejects(() -> procfileParsesOrRejects(utf8(text)));
    }

    @Provide
    Arbitrary<String> jsonLikeText() {
        return Arbitraries.of(
                        "{",
                        "}",
                        "[",
                        "]",
                        ":",
                        ",",
                        "\"",
                        "\\",
                        "/",
                        "*",
                        "//",
                        "/*",
                        "*/",
                        "\n",
                        "\r",
                        " ",
                        "\"scripts\"",
                        "\"dokku\"",
                        "\"predeploy\"",
                        "\"env\"",
                        "true",
                        "null",
                        "1",
                        "-0.5e3",
                        "\uFEFF",
                        "é",
                        "'")
                .list()
                .ofMaxSize(200)
                .map(tokens -> String.join("", tokens));
    }

    /** Objects built from the keys Slipway reads, holding random values, sometimes left unclosed. */
    @Provide
    Arbitrary<String> appJsonDocuments() {
        return Combinators.combine(object(4), Arbitraries.integers().between(0, 3))
                .as((json, cut) -> cut == 0 ? json.substring(0, json.length() / 2) : json);
    }

    private Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.of(
                "\"x\"",
                "\"\"",
                "\"2\"",
                "\"false\"",
                "\" TRUE \"",
                "0",
                "-1",
                "2.5",
                "1e400",
                "1e99999999999",
                "true",
                "false",
                "null",
                "\"$PORT && echo 'a'\"");
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> array = value(depth - 1)
                .list()
                .ofMaxSize(3)
                .map(items -> "[" + String.join(", ", items) + (items.isEmpty() ? "" : ",") + "]");
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(2, object(depth - 1)), Tuple.of(1, array));
    }

    private Arbitrary<String> object(int depth) {
        Arbitrary<String> key = Arbitraries.of(
                "scripts",
                "dokku",
                "predeploy",
                "postdeploy",
                "release",
                "env",
                "formation",
                "healthchecks",
                "web",
                "value",
                "required",
                "quantity",
                "size",
                "attempts",
                "command",
                "wait",
                "name",
                "a.b",
                "");
        Arbitrary<String> member =
                Combinators.combine(key, Arbitraries.lazy(() -> value(depth))).as((k, v) -> "\"" + k + "\": " + v);
        return member.list().ofMaxSize(4).map(members -> "{" + String.join(", ", members) + "}");
    }

    @Provide
    Arbitrary<String> procfileLikeText() {
        return Arbitraries.of(
                        "web",
                        "release",
                        "worker",
                        "postdeploy",
                        "x".repeat(64),
                        ":",
                        ": ",
                        " ",
                        "\t",
                        "#",
                        "//",
                        " #",
                        " //",
                        "\\",
                        "\n",
                        "\r\n",
                        "\r",
                        "puma -p $PORT",
                        "my app",
                        "\uFEFF",
                        "ü")
                .list()
                .ofMaxSize(60)
                .map(tokens -> String.join("", tokens));
    }

    @Example
    void deeplyNestedArraysAreAPositionedError() {
        List<ManifestProblem> problems = parsesOrRejects(() -> PARSER.parseAppJson(utf8("[".repeat(100_000))));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("nested deeper than 256 levels");
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.column()).isEqualTo(JsonTreeReader.MAX_NESTING_DEPTH + 1);
        });
    }

    @Example
    void deeplyNestedObjectsAreAPositionedError() {
        String text = "{\"env\": " + "{\"a\": ".repeat(50_000);

        assertThat(parsesOrRejects(() -> PARSER.parseAppJson(utf8(text))))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("nested deeper"));
    }

    @Example
    void nestingUpToTheLimitIsRead() throws ManifestException {
        int arrays = JsonTreeReader.MAX_NESTING_DEPTH - 1;
        String text = "{\"keywords\": " + "[".repeat(arrays) + "]".repeat(arrays) + "}";

        assertThat(PARSER.parseAppJson(utf8(text)).warnings()).hasSize(1);
    }

    @Example
    void aHugeStringIsReadWhole() throws ManifestException {
        String command = "echo " + "x".repeat(ManifestParser.MAX_FILE_BYTES - 100);
        String text = "{\"scripts\": {\"dokku\": {\"predeploy\": \"" + command + "\"}}}";

        assertThat(PARSER.parseAppJson(utf8(text)).predeploy()).contains(command);
    }

    @Example
    void aHugeUnterminatedStringIsAPositionedError() {
        String text = "{\"name\": \"" + "é".repeat(ManifestParser.MAX_FILE_BYTES / 2 - 10);

        assertThat(parsesOrRejects(() -> PARSER.parseAppJson(utf8(text))))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("inside a string"));
    }

    @Example
    void aHugeProcfileLineIsRead() throws ManifestException {
        String command = "run " + "a ".repeat(ManifestParser.MAX_FILE_BYTES / 2 - 10);

        assertThat(PARSER.parseProcfile(utf8("web: " + command)).processes()).containsEntry("web", command.strip());
    }

    @Example
    void aHugeNumberIsAPositionedError() {
        String text = "{\"formation\": {\"web\": {\"quantity\": " + "9".repeat(5000) + "}}}";

        assertThat(parsesOrRejects(() -> PARSER.parseAppJson(utf8(text))))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.line()).isEqualTo(1);
                    assertThat(problem.column()).isPositive();
                    assertThat(problem.message()).contains("Number value length");
                });
    }
}
