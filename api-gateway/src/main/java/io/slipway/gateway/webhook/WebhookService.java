package io.slipway.gateway.webhook;

import io.slipway.gateway.InvalidCursorException;
import io.slipway.gateway.InvalidRequestException;
import io.slipway.gateway.Page;
import io.slipway.gateway.PageRequest;
import io.slipway.gateway.config.WebhookConfig;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.DeliveryAttempt;
import io.slipway.gateway.repository.Webhook;
import io.slipway.gateway.repository.WebhookDelivery;
import io.slipway.gateway.repository.WebhookDeliveryRepository;
import io.slipway.gateway.repository.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An app's webhooks and their deliveries. A secret goes in once and never comes out. */
@ApplicationScoped
public class WebhookService {

    static final int MAX_PER_APP = 10;
    static final int MAX_SECRET_LENGTH = 256;

    private final AppRepository apps;
    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookAddressPolicy addresses;

    public WebhookService(
            AppRepository apps,
            WebhookRepository webhooks,
            WebhookDeliveryRepository deliveries,
            WebhookConfig config) {
        this.apps = apps;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.addresses = new WebhookAddressPolicy(config.allowPrivate());
    }

    /** A new webhook; without {@code events} it receives all of them. */
    public record NewWebhook(String url, String secret, List<String> events) {}

    /** A webhook as the API shows it: never its secret. */
    public record WebhookView(String id, String url, List<String> events, Instant createdAt) {

        static WebhookView of(Webhook webhook) {
            return new WebhookView(webhook.id(), webhook.url(), webhook.events(), webhook.createdAt());
        }
    }

    public record AttemptView(int attempt, Instant at, Integer statusCode, String error) {

        static AttemptView of(DeliveryAttempt attempt) {
            return new AttemptView(
                    attempt.number(),
                    attempt.at(),
                    attempt.statusCode().orElse(null),
                    attempt.error().orElse(null));
        }
    }

    public record DeliveryView(
            String id,
            String event,
            String deploymentId,
            WebhookDelivery.Status status,
            Instant createdAt,
            Instant nextAttemptAt,
            List<AttemptView> attempts) {

        static DeliveryView of(WebhookDelivery delivery) {
            return new DeliveryView(
                    delivery.id(),
                    delivery.event(),
                    delivery.deploymentId(),
                    delivery.status(),
                    delivery.createdAt(),
                    delivery.nextAttemptAt().orElse(null),
                    delivery.attempts().stream().map(AttemptView::of).toList());
        }
    }

    @Transactional
    public Optional<WebhookView> create(String app, NewWebhook request) {
        if (request == null) {
            throw new InvalidRequestException("a JSON body {\"url\", \"secret\", \"events\"?} is required");
        }
        String url = WebhookUrls.check(request.url(), addresses);
        if (request.secret() == null
                || request.secret().isBlank()
                || request.secret().length() > MAX_SECRET_LENGTH) {
            throw new InvalidRequestException("secret: from 1 to " + MAX_SECRET_LENGTH + " characters");
        }
        List<String> events = events(request.events());
        if (apps.findByIdOptional(app).isEmpty()) {
            return Optional.empty();
        }
        if (webhooks.countOfApp(app) >= MAX_PER_APP) {
            throw new InvalidRequestException("an app has at most " + MAX_PER_APP + " webhooks");
        }
        Webhook webhook = new Webhook(UUID.randomUUID().toString(), app, url, request.secret(), events, Instant.now());
        webhooks.persist(webhook);
        return Optional.of(WebhookView.of(webhook));
    }

    private static List<String> events(List<String> requested) {
        if (requested == null) {
            return WebhookEvents.ALL;
        }
        if (requested.isEmpty()) {
            throw new InvalidRequestException(
                    "events: at least one of " + WebhookEvents.ALL + ", or none given for all");
        }
        LinkedHashSet<String> events = new LinkedHashSet<>();
        for (String event : requested) {
            if (!WebhookEvents.ALL.contains(event)) {
                throw new InvalidRequestException("events: " + event + " is none of " + WebhookEvents.ALL);
            }
            events.add(event);
        }
        return List.copyOf(events);
    }

    /**
     * A page of the app's webhooks, newest first; empty when there is no such app.
     *
     * @throws InvalidCursorException when the page's cursor is no webhook of the app
     */
    @Transactional
    public Optional<Page<WebhookView>> list(String app, PageRequest request) {
        return apps.findByIdOptional(app)
                .map(found ->
                        Page.slice(webhooks.ofApp(app), request, Webhook::id).map(WebhookView::of));
    }

    /** @return false when the app has no such webhook */
    @Transactional
    public boolean delete(String app, String id) {
        Optional<Webhook> webhook = webhooks.ofApp(app, id);
        webhook.ifPresent(found -> {
            deliveries.deleteOfWebhook(found.id());
            webhooks.delete(found);
        });
        return webhook.isPresent();
    }

    /**
     * A page of the webhook's deliveries, newest first, each with its attempts; empty when the app has no such webhook.
     *
     * @throws InvalidCursorException when the page's cursor is no delivery of the webhook
     */
    @Transactional
    public Optional<Page<DeliveryView>> deliveries(String app, String id, PageRequest request) {
        return webhooks.ofApp(app, id).map(webhook -> {
            Optional<WebhookDelivery> after = request.before()
                    .map(before -> deliveries
                            .findByIdOptional(before)
                            .filter(delivery -> delivery.webhookId().equals(Optional.of(webhook.id())))
                            .orElseThrow(() -> new InvalidCursorException(before)));
            return Page.of(
                            deliveries.ofWebhook(webhook.id(), after, request.limitWithOneMore()),
                            request,
                            WebhookDelivery::id)
                    .map(DeliveryView::of);
        });
    }

    /** Called in the transaction that forgets the app. */
    public void forgetApp(String app) {
        deliveries.deleteOfApp(app);
        webhooks.deleteOfApp(app);
    }
}
