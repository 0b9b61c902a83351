package io.slipway.contract;

import java.time.Duration;

/**
 * How app logs travel between gateway and engine, and their bounds. Embedded, both directions are in process. In
 * remote mode, the gateway sends {@link AppLogRequest}s to the topic of the app's pool ({@link #requestsTopic}),
 * keyed by request id, so that a read's renewals and its stop reach the worker that took it; one worker of the pool
 * (the pool's log consumer group) serves each read and sends {@link AppLogEvent}s on {@link #EVENTS_TOPIC}, keyed by
 * request id, which every gateway replica reads whole (no consumer group) and filters by the reads it serves.
 */
public final class AppLogChannels {

    /** Workers to gateways: the lines of every read. */
    public static final String EVENTS_TOPIC = "app-logs";

    /** Lines per container a read starts with unless it asks otherwise. */
    public static final int DEFAULT_TAIL = 100;

    /** The most lines per container a read may start with. */
    public static final int MAX_TAIL = 10_000;

    /** A longer line is cut to this many bytes of UTF-8. */
    public static final int MAX_LINE_BYTES = 16 * 1024;

    /** A read that is not renewed for this long ends: a gateway that died leaves no read behind on a worker. */
    public static final Duration LEASE = Duration.ofSeconds(15);

    /** How often a gateway renews each read it serves: several renewals fit in one lease. */
    public static final Duration RENEW_INTERVAL = Duration.ofSeconds(4);

    /** How long a gateway waits for an engine to take a read before it ends the stream with an error. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private AppLogChannels() {}

    /** The topic of one pool's log reads. */
    public static String requestsTopic(String pool) {
        return "app-log-requests." + pool;
    }

    /** The consumer group of one pool's workers for log reads: each read goes to one of them. */
    public static String requestsGroup(String pool) {
        return "slipway-pool-" + pool + "-logs";
    }
}
