package io.slipway.runtime;

import java.util.Optional;

/**
 * How a task container ended.
 *
 * @param outcome why it stopped
 * @param exitCode the process's exit code (meaningful for {@link TaskOutcome#EXITED})
 * @param committedImage the id of the committed image, when a commit was asked for and the task
 *     exited 0
 */
public record TaskResult(TaskOutcome outcome, int exitCode, Optional<String> committedImage) {

    public boolean succeeded() {
        return outcome == TaskOutcome.EXITED && exitCode == 0;
    }
}
