package io.slipway.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Webhook deliveries ({@code SLIPWAY_WEBHOOK_*}). */
@ConfigMapping(prefix = "slipway.webhook")
public interface WebhookConfig {

    /** A URL that receives every app's deployment events ({@code SLIPWAY_WEBHOOK_URL}); none when unset. */
    Optional<String> url();

    /** The secret the global URL's deliveries are signed with ({@code SLIPWAY_WEBHOOK_SECRET}); required with it. */
    Optional<String> secret();

    /**
     * Whether webhooks may be delivered to loopback, link-local, private and other non-public addresses, for
     * receivers on an intranet ({@code SLIPWAY_WEBHOOK_ALLOW_PRIVATE}). Default false: only public addresses.
     */
    @WithDefault("false")
    boolean allowPrivate();

    /** How many times one delivery is tried before it is given up ({@code SLIPWAY_WEBHOOK_MAX_ATTEMPTS}). Default 6. */
    @WithDefault("6")
    int maxAttempts();

    /**
     * The wait after the first failed attempt; it doubles after each further one, up to an hour
     * ({@code SLIPWAY_WEBHOOK_RETRY_BACKOFF}). Default 5 s.
     */
    @WithDefault("5s")
    Duration retryBackoff();

    /** How long a receiver may take to connect and to answer ({@code SLIPWAY_WEBHOOK_TIMEOUT}). Default 10 s. */
    @WithDefault("10s")
    Duration timeout();

    /** How often the outbox is looked at for deliveries that are due. Default 1 s. */
    @WithDefault("1s")
    Duration pollInterval();
}
