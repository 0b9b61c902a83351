package io.slipway.gateway.cron;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.manifest.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which firings a replica fires at a tick, at fixed times: those since its start, none older than the bound. */
class DueFiringsTests {

    private static final CronSchedule EVERY_MINUTE = CronSchedule.parse("* * * * *");
    private static final CronSchedule HOURLY = CronSchedule.parse("@hourly");
    private static final Duration BOUND = Duration.ofMinutes(1);
    private static final Instant LONG_AGO = Instant.parse("2026-12-07T00:00:00Z");

    private static Instant at(String time) {
        return Instant.parse("2026-12-07T" + time + "Z");
    }

    @Test
    void aFiringIsDueFromItsTimeUntilTheBoundHasPassed() {
        assertThat(DueFirings.due(HOURLY, LONG_AGO, at("10:59:59"), BOUND)).isEmpty();
        assertThat(DueFirings.due(HOURLY, LONG_AGO, at("11:00:00"), BOUND)).containsExactly(at("11:00:00"));
        assertThat(DueFirings.due(HOURLY, LONG_AGO, at("11:00:10"), BOUND)).containsExactly(at("11:00:00"));
        assertThat(DueFirings.due(HOURLY, LONG_AGO, at("11:01:00"), BOUND)).containsExactly(at("11:00:00"));
        assertThat(DueFirings.due(HOURLY, LONG_AGO, at("11:01:01"), BOUND)).isEmpty();
    }

    @Test
    void everyFiringWithinTheBoundIsDueOldestFirst() {
        assertThat(DueFirings.due(EVERY_MINUTE, LONG_AGO, at("11:02:30"), Duration.ofMinutes(2)))
                .containsExactly(at("11:01:00"), at("11:02:00"));
    }

    @Test
    void aReplicaFiresNothingScheduledBeforeItStartedSoARestartCatchesNothingUp() {
        Instant restarted = at("11:00:05");

        assertThat(DueFirings.due(HOURLY, restarted, at("11:00:10"), BOUND)).isEmpty();
        assertThat(DueFirings.due(EVERY_MINUTE, restarted, at("11:00:30"), BOUND))
                .isEmpty();
        assertThat(DueFirings.due(EVERY_MINUTE, restarted, at("11:01:02"), BOUND))
                .containsExactly(at("11:01:00"));
    }

    @Test
    void aFiringAtTheReplicasStartIsItsToFire() {
        assertThat(DueFirings.due(HOURLY, at("11:00:00"), at("11:00:01"), BOUND))
                .containsExactly(at("11:00:00"));
    }

    @Test
    void aTickAfterALongPauseFiresOnlyWhatIsWithinTheBound() {
        assertThat(DueFirings.due(EVERY_MINUTE, LONG_AGO, at("11:30:20"), BOUND))
                .containsExactly(at("11:30:00"));
    }
}
