package io.slipway.engine.claim;

import io.slipway.contract.WorkerApi.Claim;
import io.slipway.runtime.Cancellation;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Asks until a deployment is granted or refused, or cancelled meanwhile: while an earlier deployment of the
 * app has not ended the gateway says wait, and the question is asked again every second; while the gateway
 * cannot be reached it is asked again after a pause that doubles up to {@link #MAX_BACKOFF}, and that is
 * logged once, not at every attempt.
 */
public final class ClaimLoop {

    /** How a claim ended. */
    public enum Outcome {
        GRANTED,
        REFUSED,
        CANCELLED,
        /** The worker is stopping: the command stays unacknowledged, for the pool's other workers. */
        STOPPED
    }

    /** Waits, returning false when cancelled (or interrupted) meanwhile. */
    @FunctionalInterface
    public interface Pause {
        boolean pause(Duration duration, Cancellation cancellation);

        /** Sleeps, woken early by a cancel; an interrupt ends the wait with the flag set again. */
        Pause SLEEP = (duration, cancellation) -> {
            CountDownLatch cancelled = new CountDownLatch(1);
            try (Cancellation.Registration registration = cancellation.onCancel(cancelled::countDown)) {
                return !cancelled.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    static final Duration WAIT_PAUSE = Duration.ofSeconds(1);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    private static final Logger LOG = Logger.getLogger(ClaimLoop.class);

    private final ClaimAuthority claims;
    private final Pause pause;
    private final AtomicBoolean unreachableLogged = new AtomicBoolean();

    public ClaimLoop(ClaimAuthority claims, Pause pause) {
        this.claims = claims;
        this.pause = pause;
    }

    public Outcome claim(String deploymentId, Cancellation cancellation) {
        Duration backoff = FIRST_BACKOFF;
        while (!cancellation.isCancelled()) {
            Duration next;
            try {
                Claim claim = claims.claim(deploymentId);
                if (unreachableLogged.compareAndSet(true, false)) {
                    LOG.info("The gateway answers claims again");
                }
                switch (claim.verdict()) {
                    case GRANTED:
                        return Outcome.GRANTED;
                    case REFUSED:
                        LOG.infof(
                                "Not running deployment %s: the gateway refused it%s",
                                deploymentId, claim.reason() == null ? "" : " (" + claim.reason() + ")");
                        return Outcome.REFUSED;
                    default:
                        LOG.debugf("Deployment %s waits for an earlier deployment of its app", deploymentId);
                        next = WAIT_PAUSE;
                        backoff = FIRST_BACKOFF;
                }
            } catch (GatewayUnavailable e) {
                if (unreachableLogged.compareAndSet(false, true)) {
                    LOG.warnf(
                            "Cannot claim deployments from the gateway (asking again, up to every %s): %s",
                            MAX_BACKOFF, e.getMessage());
                }
                next = backoff;
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
            if (!pause.pause(next, cancellation)) {
                break;
            }
        }
        return cancellation.isCancelled() ? Outcome.CANCELLED : Outcome.STOPPED;
    }
}
