package io.slipway.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed authentications per source address in fixed one-minute windows: once an address failed
 * {@value #ALLOWED} times in its window, every further request of it is refused (429) until the window ends,
 * whatever it presents; other addresses are
 * untouched. The windows live in a Caffeine cache bounded in size and expiring a window after its minute, so a
 * flood of addresses costs bounded memory (at worst an evicted address starts a fresh window).
 */
@Singleton
public class FailedAuthentications {

    static final int ALLOWED = 20;
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_ADDRESSES = 100_000;

    /** One address's failures since {@code start}, and how many of its requests were refused since. */
    private static final class Window {
        private final Instant start;
        private int failures;
        private int refusals;

        Window(Instant start) {
            this.start = start;
        }
    }

    /**
     * A refused request.
     *
     * @param first whether it is the window's first refusal: the audit log records that one, so a guesser cannot
     *     fill it
     */
    public record Refusal(Duration retryAfter, boolean first) {}

    private final Cache<String, Window> windows = Caffeine.newBuilder()
            .maximumSize(MAX_ADDRESSES)
            .expireAfterWrite(WINDOW)
            .build();

    /** Whether a request of {@code address} is refused: it failed {@value #ALLOWED} times in its window. */
    public Optional<Refusal> refuses(String address, Instant now) {
        Window window = windows.getIfPresent(address);
        if (window == null) {
            return Optional.empty();
        }
        synchronized (window) {
            Duration left = Duration.between(now, window.start.plus(WINDOW));
            if (window.failures < ALLOWED || left.isNegative() || left.isZero()) {
                return Optional.empty();
            }
            window.refusals++;
            return Optional.of(new Refusal(left, window.refusals == 1));
        }
    }

    /** Counts a failure of {@code address}. */
    public void failed(String address, Instant now) {
        Window window = windows.asMap()
                .compute(
                        address,
                        (key, current) -> current == null || !now.isBefore(current.start.plus(WINDOW))
                                ? new Window(now)
                                : current);
        synchronized (window) {
            window.failures++;
        }
    }
}
