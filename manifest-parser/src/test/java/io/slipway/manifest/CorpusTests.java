package io.slipway.manifest;

import static io.slipway.manifest.Manifests.PARSER;
import static io.slipway.manifest.Manifests.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Parses every app.json and Procfile of the team's corpus of real files, which lives outside the repository: in
 * {@code shared/corpus} beside the clone (as CI lays it out), or wherever {@code -Dslipway.corpus.dir} says. A
 * missing corpus fails these tests rather than skipping them, so a broken CI layout cannot pass unnoticed.
 */
class CorpusTests {

    private static final String CORPUS_PROPERTY = "slipway.corpus.dir";

    /** The malformed files (see the corpus's SOURCES.md) and where each error must be, "line:column". */
    private static final Map<String, List<String>> MALFORMED = Map.of(
            "heroku__python-getting-started/app.json", List.of("21:2"),
            "liberapay__liberapay.com/Procfile", List.of("2:9", "3:9", "4:9"),
            "plotly__dash-redis-celery-periodic-updates/Procfile", List.of("3:1"));

    private static final Pattern MARKED_MALFORMED =
            Pattern.compile("^\\| (\\S+)/(\\S+) \\|.*\\*\\*MALFORMED (app\\.json|Procfile)\\*\\*", Pattern.MULTILINE);

    @TestFactory
    Stream<DynamicTest> parsesEveryWellFormedFileAndRejectsTheMalformedOnesWithPositions() throws IOException {
        Path corpus = corpus();
        try (Stream<Path> files = Files.walk(corpus)) {
            List<Path> manifests = files.filter(file -> file.endsWith("app.json") || file.endsWith("Procfile"))
                    .sorted()
                    .toList();
            assertThat(manifests).as("manifests in %s", corpus).hasSizeGreaterThan(MALFORMED.size());
            return manifests.stream().map(file -> {
                String name = corpus.relativize(file).toString().replace('\\', '/');
                return DynamicTest.dynamicTest(name, () -> check(name, Files.readAllBytes(file)));
            });
        }
    }

    @Test
    void knowsEveryFileTheCorpusMarksMalformed() throws IOException {
        String sources = Files.readString(corpus().resolve("SOURCES.md"));
        List<String> marked = MARKED_MALFORMED
                .matcher(sources)
                .results()
                .map(row -> row.group(1) + "__" + row.group(2) + "/" + row.group(3))
                .toList();
        assertThat(marked).isNotEmpty();
        assertThat(MALFORMED).containsKeys(marked.toArray(String[]::new));
        MALFORMED
                .keySet()
                .forEach(file -> assertThat(corpus().resolve(file))
                        .as("a malformed corpus file")
                        .exists());
    }

    private static void check(String name, byte[] bytes) throws ManifestException {
        boolean appJson = name.endsWith("app.json");
        List<String> expectedErrors = MALFORMED.get(name);
        if (expectedErrors == null) {
            ParsedManifests parsed = appJson ? PARSER.parse(bytes, null) : PARSER.parse(null, bytes);
            assertThat(parsed.warnings())
                    .allSatisfy(warning -> assertThat(warning.line()).isPositive());
            return;
        }
        ManifestException e = assertThrows(
                ManifestException.class, () -> PARSER.parse(appJson ? bytes : null, appJson ? null : bytes));
        assertThat(where(e.problems())).containsExactlyElementsOf(expectedErrors);
    }

    private static Path corpus() {
        Path corpus = Path.of(System.getProperty(
                        CORPUS_PROPERTY,
                        repositoryRoot().resolve("../shared/corpus").toString()))
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(corpus)) {
            fail("The manifest corpus is not at " + corpus + ". CI puts shared/ beside the clone;"
                    + " elsewhere pass -D" + CORPUS_PROPERTY + "=/path/to/shared/corpus.");
        }
        return corpus;
    }

    /** From the compiled tests in {@code manifest-parser/target/test-classes}, whatever the working directory. */
    private static Path repositoryRoot() {
        try {
            Path testClasses = Path.of(CorpusTests.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return testClasses.resolve("../../..").normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
