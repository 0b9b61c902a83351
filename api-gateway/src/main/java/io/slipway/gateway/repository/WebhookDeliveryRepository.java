package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, String> {

    /** At most {@code limit} pending deliveries whose next attempt is due, oldest first. */
    public List<WebhookDelivery> due(Instant now, int limit) {
        return find(
                        "status = ?1 and nextAttemptAt <= ?2",
                        Sort.ascending("nextAttemptAt").and("createdAt"),
                        WebhookDelivery.Status.PENDING,
                        now)
                .range(0, limit - 1)
                .list();
    }

    /** Newest first, those after {@code after} in that order; the same instant in descending order of id. */
    public List<WebhookDelivery> ofWebhook(String webhookId, Optional<WebhookDelivery> after, int limit) {
        Sort newestFirst = Sort.descending("createdAt", "id");
        PanacheQuery<WebhookDelivery> found = after.isEmpty()
                ? find("webhookId", newestFirst, webhookId)
                : find(
                        "webhookId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3))",
                        newestFirst,
                        webhookId,
                        after.get().createdAt(),
                        after.get().id());
        return found.range(0, limit - 1).list();
    }

    /** Deliveries go one by one: their attempts are an element collection, which a bulk delete would not remove. */
    public void deleteOfApp(String app) {
        list("app", app).forEach(this::delete);
    }

    public void deleteOfWebhook(String webhookId) {
        list("webhookId", webhookId).forEach(this::delete);
    }
}
