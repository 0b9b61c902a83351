package io.slipway.engine.claim;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.WorkerApi.Claim;
import io.slipway.contract.WorkerApi.Claim.Verdict;
import io.slipway.runtime.Cancellation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ClaimLoopTests {

    private final List<Duration> pauses = new ArrayList<>();
    private final Cancellation cancellation = new Cancellation();

    @Test
    void aGrantedClaimRunsAtOnce() {
        ScriptedGateway gateway = new ScriptedGateway(verdict(Verdict.GRANTED));

        assertThat(loop(gateway).claim("d1", cancellation)).isEqualTo(ClaimLoop.Outcome.GRANTED);
        assertThat(gateway.asked).containsExactly("d1");
        assertThat(pauses).isEmpty();
    }

    @Test
    void aRefusedClaimIsNeverAskedAgain() {
        ScriptedGateway gateway = new ScriptedGateway(verdict(Verdict.REFUSED));

        assertThat(loop(gateway).claim("d1", cancellation)).isEqualTo(ClaimLoop.Outcome.REFUSED);
        assertThat(gateway.asked).hasSize(1);
    }

    @Test
    void aWaitingClaimIsAskedAgainEverySecondUntilGranted() {
        ScriptedGateway gateway =
                new ScriptedGateway(verdict(Verdict.WAIT), verdict(Verdict.WAIT), verdict(Verdict.GRANTED));

        assertThat(loop(gateway).claim("d1", cancellation)).isEqualTo(ClaimLoop.Outcome.GRANTED);
        assertThat(gateway.asked).hasSize(3);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void anUnreachableGatewayIsAskedAgainAfterPausesThatDoubleUpToTheBound() {
        List<Supplier<Claim>> script = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            script.add(unreachable());
        }
        script.add(verdict(Verdict.WAIT));
        script.add(unreachable());
        script.add(verdict(Verdict.GRANTED));
        ScriptedGateway gateway = new ScriptedGateway(script.toArray(Supplier[]::new));

        assertThat(loop(gateway).claim("d1", cancellation)).isEqualTo(ClaimLoop.Outcome.GRANTED);
        assertThat(pauses)
                .containsExactly(
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(1),
                        // an answer in between starts the backoff again
                        Duration.ofMillis(500));
    }

    @Test
    void aCancelWhileWaitingEndsTheClaimCancelled() {
        ScriptedGateway gateway = new ScriptedGateway(verdict(Verdict.WAIT), verdict(Verdict.GRANTED));
        ClaimLoop loop = new ClaimLoop(gateway, (duration, cancel) -> {
            cancel.cancel();
            return false;
        });

        assertThat(loop.claim("d1", cancellation)).isEqualTo(ClaimLoop.Outcome.CANCELLED);
        assertThat(gateway.asked).hasSize(1);
    }

    @Test
    void aPauseEndedByAStopEndsTheClaimStoppedNotCancelled() {
        ScriptedGateway gateway = new ScriptedGateway(unreachable(), verdict(Verdict.GRANTED));
        ClaimLoop loop = new ClaimLoop(gateway, (duration, cancel) -> false);

        assertThat(loop.claim("d1", cancellation)).isEqualTo(ClaimLoop.Outcome.STOPPED);
    }

    @Test
    void theSleepingPauseWakesAtOnceOnACancel() {
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();

        assertThat(ClaimLoop.Pause.SLEEP.pause(Duration.ofMinutes(10), cancelled))
                .isFalse();
        assertThat(ClaimLoop.Pause.SLEEP.pause(Duration.ofMillis(1), new Cancellation()))
                .isTrue();
    }

    @Test
    void inProcessClaimsAreAlwaysGranted() {
        assertThat(new ClaimLoop(ClaimAuthority.IN_PROCESS, (duration, cancel) -> true).claim("any", cancellation))
                .isEqualTo(ClaimLoop.Outcome.GRANTED);
    }

    private ClaimLoop loop(ClaimAuthority gateway) {
        return new ClaimLoop(gateway, (duration, cancel) -> {
            pauses.add(duration);
            return true;
        });
    }

    private static Supplier<Claim> verdict(Verdict verdict) {
        return () -> new Claim(verdict, verdict.name().toLowerCase());
    }

    private static Supplier<Claim> unreachable() {
        return () -> {
            throw new GatewayUnavailable("connection refused");
        };
    }

    /** Answers in the order scripted; asking past the script fails the test. */
    private static final class ScriptedGateway implements ClaimAuthority {

        private final Deque<Supplier<Claim>> answers;
        private final List<String> asked = new ArrayList<>();

        @SafeVarargs
        ScriptedGateway(Supplier<Claim>... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public Claim claim(String deploymentId) {
            asked.add(deploymentId);
            Supplier<Claim> next = answers.poll();
            if (next == null) {
                throw new AssertionError("asked again after the last scripted answer");
            }
            return next.get();
        }
    }
}
