package io.slipway.cli.config;

/** Something the operator must fix before the command can run; shown as one line, exit 1. */
public final class UsageProblem extends RuntimeException {

    public UsageProblem(String message) {
        super(message);
    }
}
