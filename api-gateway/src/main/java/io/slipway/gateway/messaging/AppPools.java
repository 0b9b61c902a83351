package io.slipway.gateway.messaging;

import io.slipway.contract.Channels;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.AppRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Which pool's workers an app's commands go to. */
@ApplicationScoped
public class AppPools {

    private final AppRepository apps;

    public AppPools(AppRepository apps) {
        this.apps = apps;
    }

    /**
     * The app's pool, also while it is being deleted (its deletion goes to its pool); the default pool for an app
     * that is gone (its last commands still go somewhere).
     */
    @Transactional
    public String of(String app) {
        return apps.findIncludingRemoved(app).map(App::pool).orElse(Channels.DEFAULT_POOL);
    }
}
