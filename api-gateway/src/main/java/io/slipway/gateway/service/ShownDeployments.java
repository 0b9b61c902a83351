package io.slipway.gateway.service;

import io.slipway.gateway.DeploymentView;
import io.slipway.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Deployments as last read, kept between reads while this gateway has committed no change to an app or a deployment
 * ({@link AppViewChanges}, as {@link StoredAppList}). Clients poll a deployment's status hundreds of times a second,
 * and a read that skips the database skips its transaction and its query: most of what such a read cost the
 * gateway's core. In remote mode other gateway replicas store events this one never sees, so every read goes to the
 * database.
 */
@ApplicationScoped
public class ShownDeployments {

    /** Deployments kept at once: one more, and the kept ones are dropped. */
    static final int KEPT = 64;

    private record Shown(long changes, DeploymentView view) {}

    private final AppViewChanges changes;
    private final boolean keeps;
    private final Map<String, Shown> kept = new ConcurrentHashMap<>();

    @Inject
    ShownDeployments(AppViewChanges changes, GatewayConfig config) {
        this(changes, !config.engine().isRemote());
    }

    /** @param keeps false: every read goes to the database */
    ShownDeployments(AppViewChanges changes, boolean keeps) {
        this.changes = changes;
        this.keeps = keeps;
    }

    /** @param read reads the deployment from the database */
    Optional<DeploymentView> get(String id, Function<String, Optional<DeploymentView>> read) {
        if (!keeps) {
            return read.apply(id);
        }
        // Counted before the read: a change that ends while it reads leaves what it read out of date, not current.
        long changesBefore = changes.count();
        Shown shown = kept.get(id);
        if (shown != null && shown.changes() == changesBefore) {
            return Optional.of(shown.view());
        }
        Optional<DeploymentView> view = read.apply(id);
        view.ifPresent(found -> {
            if (kept.size() >= KEPT) {
                kept.clear();
            }
            kept.put(id, new Shown(changesBefore, found));
        });
        return view;
    }
}
