package io.slipway.gateway.leases;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a silent worker's lease may run out now. Workers report through the broker: while no gateway reads the
 * reports (the broker is away, or the replicas' consumers are joining their group again), or until they have been
 * read for a whole lease since then (or since this gateway started), silence proves nothing.
 */
final class LeaseClock {

    private final Duration lease;
    /** Since when reports have been read every round without a gap; null while they are not. */
    private Instant readSince;

    LeaseClock(Duration lease) {
        this.lease = lease;
    }

    /** Whether the last round found the reports read. */
    synchronized boolean reportsRead() {
        return readSince != null;
    }

    /** @param reportsRead whether, this round, the broker answered and a gateway held the reports' topic */
    synchronized boolean leasesMayRunOut(boolean reportsRead, Instant now) {
        if (!reportsRead) {
            readSince = null;
            return false;
        }
        if (readSince == null) {
            readSince = now;
        }
        return !readSince.isAfter(now.minus(lease));
    }
}
