package io.slipway.contract;

import java.time.Duration;

/**
 * How the consoles of interactive runs travel between a gateway and the workers in remote mode (embedded, the
 * gateway calls {@link RunConsoles} in process). The gateway sends {@link ConsoleRequest}s to the topic of the run's
 * pool ({@link #requestsTopic}), keyed by run id; every worker of the pool reads it whole (no consumer group), since
 * only the worker that took the run holds its console, and each keeps the requests of the runs it holds. Workers send
 * {@link ConsoleEvent}s on {@link #EVENTS_TOPIC}, keyed by run id, which every gateway replica reads whole and filters
 * by the sessions it serves. Both topics are for live bytes: sent at once, read at once, kept briefly.
 */
public final class ConsoleChannels {

    /** Workers to gateways: what consoles print, and their starts and ends. */
    public static final String EVENTS_TOPIC = "run-console-events";

    /**
     * How long the broker keeps what consoles print and what their clients type: they are of no use later. Console
     * bytes pass through the broker and stay there up to this long.
     */
    public static final Duration RETENTION = Duration.ofMinutes(1);

    /** A console that is not renewed for this long is detached: a gateway that died leaves no console behind. */
    public static final Duration LEASE = Duration.ofSeconds(15);

    /** How often a gateway renews each console it serves: several renewals fit in one lease. */
    public static final Duration RENEW_INTERVAL = Duration.ofSeconds(4);

    /** How long a gateway waits for the worker that holds the run to open its console before it gives up. */
    public static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);

    /** How often a gateway sends an attach again while no worker answered: the run may not be taken yet. */
    public static final Duration ATTACH_RETRY = Duration.ofSeconds(1);

    /** How long a worker gathers a console's output into one {@link ConsoleEvent.Print}. */
    public static final Duration PRINT_DELAY = Duration.ofMillis(20);

    /** The most bytes of output in one {@link ConsoleEvent.Print}: more is sent at once. */
    public static final int MAX_PRINT_BYTES = 16 * 1024;

    private ConsoleChannels() {}

    /** The topic of one pool's console requests. */
    public static String requestsTopic(String pool) {
        return "run-console-requests." + pool;
    }
}
