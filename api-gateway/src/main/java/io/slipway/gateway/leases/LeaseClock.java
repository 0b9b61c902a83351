package io.slipway.gateway.leases;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a silent worker's lease may run out now. Workers report through the broker: while it is away, or
 * until it has carried reports for a whole lease since it came back (or since this gateway started), silence
 * proves nothing.
 */
final class LeaseClock {

    private final Duration lease;
    /** Since when the broker has answered every round without a gap; null while it does not answer. */
    private Instant answeringSince;

    LeaseClock(Duration lease) {
        this.lease = lease;
    }

    /** @param brokerAnswers whether the broker answered this round */
    synchronized boolean leasesMayRunOut(boolean brokerAnswers, Instant now) {
        if (!brokerAnswers) {
            answeringSince = null;
            return false;
        }
        if (answeringSince == null) {
            answeringSince = now;
        }
        return !answeringSince.isAfter(now.minus(lease));
    }
}
