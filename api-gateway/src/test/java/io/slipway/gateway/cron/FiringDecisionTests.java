package io.slipway.gateway.cron;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.gateway.cron.FiringDecision.Action;
import io.slipway.manifest.CronEntry.ConcurrencyPolicy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a claimed firing does, by the app's state and the entry's previous run. */
class FiringDecisionTests {

    private static final Optional<String> RUNNING = Optional.of("run-1");

    @Test
    void withoutAPreviousRunStillRunningEveryPolicyStarts() {
        for (ConcurrencyPolicy policy : ConcurrencyPolicy.values()) {
            assertThat(FiringDecision.of(true, false, policy, Optional.empty()).action())
                    .isEqualTo(Action.START);
        }
    }

    @Test
    void allowStartsBesideThePreviousRun() {
        assertThat(FiringDecision.of(true, false, ConcurrencyPolicy.ALLOW, RUNNING)
                        .action())
                .isEqualTo(Action.START);
    }

    @Test
    void forbidSkipsWhileThePreviousRunRunsNamingIt() {
        FiringDecision decision = FiringDecision.of(true, false, ConcurrencyPolicy.FORBID, RUNNING);

        assertThat(decision.action()).isEqualTo(Action.SKIP);
        assertThat(decision.skipReason()).contains("concurrency_policy forbid: run run-1 still runs");
    }

    @Test
    void replaceCancelsThePreviousRunAndStartsAnew() {
        FiringDecision decision = FiringDecision.of(true, false, ConcurrencyPolicy.REPLACE, RUNNING);

        assertThat(decision.action()).isEqualTo(Action.REPLACE);
        assertThat(decision.previousRun()).isEqualTo(RUNNING);
    }

    @Test
    void anAppWithoutReleaseOrStoppedRunsNothing() {
        assertThat(FiringDecision.of(false, false, ConcurrencyPolicy.ALLOW, Optional.empty())
                        .skipReason())
                .contains("the app has no current release");
        assertThat(FiringDecision.of(true, true, ConcurrencyPolicy.REPLACE, RUNNING)
                        .skipReason())
                .contains("the app is stopped");
    }
}
