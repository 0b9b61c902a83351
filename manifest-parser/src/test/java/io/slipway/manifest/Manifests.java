package io.slipway.manifest;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the tests share: the parser, text as bytes, fixtures, and problems rendered compactly for assertions. */
final class Manifests {

    static final ManifestParser PARSER = new ManifestParser();

    private Manifests() {}

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A file under {@code src/test/resources/fixtures}. */
    static byte[] fixture(String name) {
        try (InputStream in = Manifests.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AppJson appJson(String text) throws ManifestException {
        return PARSER.parseAppJson(utf8(text));
    }

    static List<ManifestProblem> appJsonErrors(String text) {
        return appJsonErrors(utf8(text));
    }

    static List<ManifestProblem> appJsonErrors(byte[] bytes) {
        return assertThrows(ManifestException.class, () -> PARSER.parseAppJson(bytes))
                .problems();
    }

    static List<ManifestProblem> procfileErrors(String text) {
        return procfileErrors(utf8(text));
    }

    static List<ManifestProblem> procfileErrors(byte[] bytes) {
        return assertThrows(ManifestException.class, () -> PARSER.parseProcfile(bytes))
                .problems();
    }

    /** "line:column path", the part of a problem most assertions pin down. */
    static String where(ManifestProblem problem) {
        return (problem.line() + ":" + problem.column() + " " + problem.path()).strip();
    }

    static List<String> where(List<ManifestProblem> problems) {
        return problems.stream().map(Manifests::where).toList();
    }
}
