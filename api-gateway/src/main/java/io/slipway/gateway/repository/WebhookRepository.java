package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, String> {

    public List<Webhook> ofApp(String app) {
        return find("app", Sort.descending("createdAt").and("id"), app).list();
    }

    public Optional<Webhook> ofApp(String app, String id) {
        return findByIdOptional(id).filter(webhook -> webhook.app().equals(app));
    }

    public long countOfApp(String app) {
        return count("app", app);
    }

    public void deleteOfApp(String app) {
        delete("app", app);
    }
}
