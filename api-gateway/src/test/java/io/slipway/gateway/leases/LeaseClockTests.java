package io.slipway.gateway.leases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseClockTests {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final LeaseClock clock = new LeaseClock(LEASE);

    @Test
    void noLeaseRunsOutBeforeReportsHaveBeenReadForAWholeLeaseSinceTheGatewayStarted() {
        assertThat(clock.leasesMayRunOut(true, START)).isFalse();
        assertThat(clock.leasesMayRunOut(true, START.plusSeconds(29))).isFalse();
        assertThat(clock.leasesMayRunOut(true, START.plusSeconds(30))).isTrue();
    }

    @Test
    void aGapInReadingReportsStopsTheClockAndItsEndGivesWorkersAWholeLeaseToReportAgain() {
        clock.leasesMayRunOut(true, START);
        assertThat(clock.leasesMayRunOut(true, START.plusSeconds(40))).isTrue();

        assertThat(clock.leasesMayRunOut(false, START.plusSeconds(41))).isFalse();
        assertThat(clock.reportsRead()).isFalse();
        assertThat(clock.leasesMayRunOut(true, START.plusSeconds(60))).isFalse();
        assertThat(clock.reportsRead()).isTrue();
        assertThat(clock.leasesMayRunOut(true, START.plusSeconds(89))).isFalse();
        assertThat(clock.leasesMayRunOut(true, START.plusSeconds(90))).isTrue();
    }
}
