package io.slipway.gateway.cron;

import io.slipway.manifest.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which firings of a schedule a gateway replica fires at a tick: those scheduled at or after the replica's own start
 * and at most {@code lateBound} before now. A replica never fires what was due before it started, so a restart across a
 * firing time does not catch it up; a replica that was running then fires it. Plain Java, for tests with fixed times.
 */
final class DueFirings {

    /** Bounds the work of one tick; a bound of a few ticks holds a handful of minutes' firings at most. */
    static final int MAX_PER_TICK = 10;

    private DueFirings() {}

    /** In order, the oldest first. */
    static List<Instant> due(CronSchedule schedule, Instant replicaStart, Instant now, Duration lateBound) {
        Instant earliest = later(replicaStart, now.minus(lateBound));
        List<Instant> due = new ArrayList<>();
        // Schedules name whole minutes, so the first time after a second before the earliest is the first at or
        // after it, or before it by less than a second (then dropped).
        Instant after = earliest.minusSeconds(1);
        while (due.size() < MAX_PER_TICK) {
            Instant next = schedule.nextRunAfter(after).orElse(null);
            if (next == null || next.isAfter(now)) {
                break;
            }
            if (!next.isBefore(earliest)) {
                due.add(next);
            }
            after = next;
        }
        return due;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
