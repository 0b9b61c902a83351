package io.slipway.gateway.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.PhaseName;
import io.slipway.gateway.config.WebhookConfig;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.Webhook;
import io.slipway.gateway.repository.WebhookDelivery;
import io.slipway.gateway.repository.WebhookDeliveryRepository;
import io.slipway.gateway.repository.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stores a delivery for every webhook an applied deployment event concerns, in the caller's transaction (the one
 * that stores the event): the event and its deliveries are kept together or not at all. Sending is
 * {@link WebhookDispatcher}'s, later and elsewhere, so that no deployment waits for a receiver.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookConfig config;
    private final ObjectMapper json;
    private final AtomicLong lastMicros = new AtomicLong();

    public WebhookOutbox(
            WebhookRepository webhooks, WebhookDeliveryRepository deliveries, WebhookConfig config, ObjectMapper json) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.config = config;
        this.json = json;
    }

    /** @param deployment the deployment with {@code event} applied */
    public void enqueue(Deployment deployment, DeploymentEvent event) {
        Optional<String> name = WebhookEvents.of(event);
        if (name.isEmpty()) {
            return;
        }
        PhaseName phase = event instanceof DeploymentEvent.PhaseChanged change ? change.phase() : null;
        for (Webhook webhook : webhooks.ofApp(deployment.app())) {
            if (webhook.wants(name.get())) {
                store(webhook.id(), webhook.url(), deployment, name.get(), phase, event.at());
            }
        }
        config.url().ifPresent(url -> store(null, url, deployment, name.get(), phase, event.at()));
    }

    /**
     * When each delivery was made, strictly increasing within this gateway (to the microsecond the database keeps):
     * the dispatcher sends due deliveries in that order, so the events of one deployment leave in the order they
     * happened.
     */
    private Instant next() {
        long micros = lastMicros.updateAndGet(last -> {
            Instant now = Instant.now();
            long current = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
            return Math.max(current, last + 1);
        });
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
    }

    private void store(String webhookId, String url, Deployment deployment, String event, PhaseName phase, Instant at) {
        String id = UUID.randomUUID().toString();
        WebhookPayload payload = new WebhookPayload(
                event, id, at, deployment.app(), WebhookPayload.DeploymentSummary.of(deployment), phase);
        try {
            deliveries.persist(new WebhookDelivery(
                    id,
                    webhookId,
                    deployment.app(),
                    deployment.id(),
                    event,
                    url,
                    json.writeValueAsString(payload),
                    next()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook payload is plain data", e);
        }
    }
}
