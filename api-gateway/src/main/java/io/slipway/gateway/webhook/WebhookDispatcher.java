package io.slipway.gateway.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.slipway.gateway.config.WebhookConfig;
import io.slipway.gateway.repository.Webhook;
import io.slipway.gateway.repository.WebhookDelivery;
import io.slipway.gateway.repository.WebhookDeliveryRepository;
import io.slipway.gateway.repository.WebhookRepository;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends the outbox's due deliveries, one thread, outside any transaction: a POST of the stored body, signed at each
 * attempt, no redirects followed, bounded by the webhook timeout, only to addresses the {@link WebhookAddressPolicy}
 * allows ({@link WebhookClient}). A 2xx delivers; anything else is tried again after a backoff that doubles, up to
 * the configured number of attempts, except a refused address: it fails the delivery at once, since the same URL
 * would be refused again and retrying would only give a name more chances to resolve elsewhere. Deliveries wait in
 * the database, so a restart loses none.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookRepository webhooks;
    private final WebhookConfig config;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();
    private WebhookClient http;
    private ScheduledExecutorService scheduler;

    public WebhookDispatcher(
            WebhookDeliveryRepository deliveries, WebhookRepository webhooks, WebhookConfig config, Vertx vertx) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent start) {
        if (config.url().isPresent()
                && config.secret().filter(secret -> !secret.isBlank()).isEmpty()) {
            throw new IllegalStateException("SLIPWAY_WEBHOOK_URL needs SLIPWAY_WEBHOOK_SECRET to sign its deliveries");
        }
        WebhookAddressPolicy policy = new WebhookAddressPolicy(config.allowPrivate());
        config.url().ifPresent(url -> WebhookUrls.check(url, policy));
        http = new WebhookClient(vertx, policy, config.timeout());
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "slipway-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sendDue, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (http != null) {
            http.close();
        }
    }

    /** One delivery to send: where, what and under which secret. */
    record Due(String id, String url, String event, String payload, String secret) {}

    private void sendDue() {
        try {
            for (Due due : due()) {
                Attempt attempt = send(due);
                recordAttempt(due.id(), attempt);
            }
        } catch (RuntimeException e) {
            // The next round tries again; the scheduler must not die with this one.
            LOG.warnf("Webhook deliveries: %s", e.getMessage());
        }
    }

    @Transactional
    List<Due> due() {
        return deliveries.due(clock.instant(), BATCH).stream()
                .map(delivery -> secretOf(delivery)
                        .map(secret ->
                                new Due(delivery.id(), delivery.url(), delivery.event(), delivery.payload(), secret)))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The webhook's secret; the global default's for a delivery without a webhook. */
    private Optional<String> secretOf(WebhookDelivery delivery) {
        return delivery.webhookId().isPresent()
                ? webhooks.findByIdOptional(delivery.webhookId().get()).map(Webhook::secret)
                : config.secret();
    }

    record Attempt(Instant at, WebhookClient.Outcome outcome) {}

    private Attempt send(Due due) {
        Instant at = clock.instant();
        Map<String, String> headers = Map.of(
                "Content-Type",
                "application/json",
                "User-Agent",
                "Slipway",
                "Slipway-Event",
                due.event(),
                "Slipway-Delivery",
                due.id(),
                WebhookSignature.HEADER,
                WebhookSignature.header(due.secret(), at.getEpochSecond(), due.payload()));
        return new Attempt(at, http.post(due.url(), headers, due.payload()));
    }

    @Transactional
    void recordAttempt(String id, Attempt attempt) {
        deliveries.findByIdOptional(id).ifPresent(delivery -> {
            WebhookClient.Outcome outcome = attempt.outcome();
            if (outcome.refused()) {
                delivery.refused(attempt.at(), outcome.error());
            } else {
                Duration backoff = backoffAfter(delivery.attemptCount() + 1);
                delivery.attempted(attempt.at(), outcome.statusCode(), outcome.error(), config.maxAttempts(), backoff);
            }
            if (delivery.status() == WebhookDelivery.Status.FAILED) {
                LOG.warnf(
                        "Webhook delivery %s (%s of %s) given up after %d attempts",
                        delivery.id(), delivery.event(), delivery.app(), delivery.attemptCount());
            }
        });
    }

    /** The base backoff after the first failed attempt, doubled after each further one, at most an hour. */
    private Duration backoffAfter(int attempts) {
        Duration backoff = config.retryBackoff();
        for (int i = 1; i < attempts && backoff.compareTo(MAX_BACKOFF) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }
}
