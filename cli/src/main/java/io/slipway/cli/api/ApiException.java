package io.slipway.cli.api;

/** The gateway answered with an error: its problem, shown as one line. */
public final class ApiException extends RuntimeException {

    private final transient Problem problem;

    public ApiException(Problem problem) {
        super(describe(problem));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    private static String describe(Problem problem) {
        String title = problem.title() == null ? "HTTP " + problem.status() : problem.title();
        return problem.detail() == null || problem.detail().isBlank() ? title : title + ": " + problem.detail();
    }
}
