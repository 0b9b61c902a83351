package io.slipway.gateway.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.slipway.gateway.config.WebhookConfig;
import io.slipway.gateway.repository.Webhook;
import io.slipway.gateway.repository.WebhookDelivery;
import io.slipway.gateway.repository.WebhookDeliveryRepository;
import io.slipway.gateway.repository.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends the outbox's due deliveries, one thread, outside any transaction: a POST of the stored body, signed at each
 * attempt, no redirects followed, bounded by the webhook timeout. A 2xx delivers; anything else is tried again after
 * a backoff that doubles, up to the configured number of attempts. Deliveries wait in the database, so a restart
 * loses none.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookRepository webhooks;
    private final WebhookConfig config;
    private final Clock clock = Clock.systemUTC();
    private HttpClient http;
    private ScheduledExecutorService scheduler;

    public WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhookRepository webhooks, WebhookConfig config) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.config = config;
    }

    void start(@Observes StartupEvent start) {
        if (config.url().isPresent()
                && config.secret().filter(secret -> !secret.isBlank()).isEmpty()) {
            throw new IllegalStateException("SLIPWAY_WEBHOOK_URL needs SLIPWAY_WEBHOOK_SECRET to sign its deliveries");
        }
        config.url().ifPresent(WebhookUrls::check);
        http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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

    record Attempt(Instant at, Integer statusCode, String error) {}

    private Attempt send(Due due) {
        Instant at = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Slipway")
                .header("Slipway-Event", due.event())
                .header("Slipway-Delivery", due.id())
                .header(
                        WebhookSignature.HEADER,
                        WebhookSignature.header(due.secret(), at.getEpochSecond(), due.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(due.payload()))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Attempt(at, response.statusCode(), null);
        } catch (IOException e) {
            return new Attempt(
                    at, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(at, null, "interrupted");
        }
    }

    @Transactional
    void recordAttempt(String id, Attempt attempt) {
        deliveries.findByIdOptional(id).ifPresent(delivery -> {
            Duration backoff = backoffAfter(delivery.attemptCount() + 1);
            delivery.attempted(attempt.at(), attempt.statusCode(), attempt.error(), config.maxAttempts(), backoff);
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
