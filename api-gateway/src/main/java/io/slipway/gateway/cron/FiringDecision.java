package io.slipway.gateway.cron;

import io.slipway.manifest.CronEntry.ConcurrencyPolicy;
import java.util.Optional;

/**
 * What a claimed firing does, from what the app and the entry's previous run are now: start a run, cancel the
 * previous run and start anew ({@code replace}), or start none and say why. Plain Java, for tests.
 *
 * @param previousRun the run to cancel first, for {@link Action#REPLACE}
 * @param skipReason why no run starts, for {@link Action#SKIP}
 */
record FiringDecision(Action action, Optional<String> previousRun, Optional<String> skipReason) {

    enum Action {
        START,
        REPLACE,
        SKIP
    }

    /**
     * @param runningPrevious the entry's previous run when it is queued or running still
     */
    static FiringDecision of(
            boolean hasRelease, boolean stopped, ConcurrencyPolicy policy, Optional<String> runningPrevious) {
        if (!hasRelease) {
            return skip("the app has no current release");
        }
        if (stopped) {
            return skip("the app is stopped");
        }
        if (runningPrevious.isEmpty() || policy == ConcurrencyPolicy.ALLOW) {
            return new FiringDecision(Action.START, Optional.empty(), Optional.empty());
        }
        if (policy == ConcurrencyPolicy.FORBID) {
            return skip("concurrency_policy forbid: run " + runningPrevious.get() + " still runs");
        }
        return new FiringDecision(Action.REPLACE, runningPrevious, Optional.empty());
    }

    static FiringDecision skip(String why) {
        return new FiringDecision(Action.SKIP, Optional.empty(), Optional.of(why));
    }
}
