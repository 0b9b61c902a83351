package io.slipway.runtime;

/**
 * How a task container ended.
 *
 * @param outcome why it stopped
 * @param exitCode the process's exit code (meaningful for {@link TaskOutcome#EXITED})
 */
public record TaskResult(TaskOutcome outcome, int exitCode) {

    public boolean succeeded() {
        return outcome == TaskOutcome.EXITED && exitCode == 0;
    }
}
