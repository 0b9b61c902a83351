package io.slipway.manifest;

import java.util.List;
import java.util.stream.Collectors;

/** The manifests cannot be used; {@link #problems()} lists every error found in both files, in file order. */
public final class ManifestException extends Exception {

    private static final int PROBLEMS_IN_MESSAGE = 5;

    private final List<ManifestProblem> problems;

    public ManifestException(List<ManifestProblem> problems) {
        super(summarise(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ManifestProblem> problems() {
        return problems;
    }

    private static String summarise(List<ManifestProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ManifestException needs at least one problem");
        }
        String shown = problems.stream()
                .limit(PROBLEMS_IN_MESSAGE)
                .map(ManifestProblem::describe)
                .collect(Collectors.joining("; "));
        int hidden = problems.size() - PROBLEMS_IN_MESSAGE;
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return "invalid manifest, " + count + ": " + shown + (hidden > 0 ? "; and " + hidden + " more" : "");
    }
}
