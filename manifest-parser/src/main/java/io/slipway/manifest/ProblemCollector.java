package io.slipway.manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Gathers the errors and warnings of one file, so that all of them are reported rather than the first. */
final class ProblemCollector {

    private static final Comparator<ManifestProblem> IN_FILE_ORDER =
            Comparator.comparingInt(ManifestProblem::line).thenComparingInt(ManifestProblem::column);

    private final String file;
    private final List<ManifestProblem> errors = new ArrayList<>();
    private final List<ManifestProblem> warnings = new ArrayList<>();

    ProblemCollector(String file) {
        this.file = file;
    }

    void error(Position at, String path, String message) {
        errors.add(problem(at, path, message));
    }

    void warn(Position at, String path, String message) {
        warnings.add(problem(at, path, message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<ManifestProblem> errors() {
        return inFileOrder(errors);
    }

    List<ManifestProblem> warnings() {
        return inFileOrder(warnings);
    }

    private ManifestProblem problem(Position at, String path, String message) {
        return new ManifestProblem(file, at.line(), at.column(), path, message);
    }

    private static List<ManifestProblem> inFileOrder(List<ManifestProblem> problems) {
        return problems.stream().sorted(IN_FILE_ORDER).toList();
    }
}
