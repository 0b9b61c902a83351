package io.slipway.runtime;

/**
 * How a command run inside a running container ended.
 *
 * @param exitCode its exit code; -1 when it did not end within its timeout
 * @param output what it printed, stdout and stderr together, cut to a bounded length
 */
public record ExecResult(int exitCode, String output) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
