package io.slipway.cli.output;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times in the operator's zone, durations short. */
public final class Times {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    public Times(ZoneId zone) {
        this.zone = zone;
    }

    public String format(Instant at) {
        return at == null ? "" : LOCAL.format(at.atZone(zone));
    }

    public static String duration(Instant from, Instant to) {
        if (from == null || to == null) {
            return "";
        }
        Duration took = Duration.between(from, to);
        long millis = Math.max(0, took.toMillis());
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        return took.toMinutes() + "m" + took.toSecondsPart() + "s";
    }
}
