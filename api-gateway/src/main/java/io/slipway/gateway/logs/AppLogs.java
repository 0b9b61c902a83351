package io.slipway.gateway.logs;

import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.AppRepository;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** An app's logs, read by the engine of the app's pool; empty for an app that does not exist. */
@ApplicationScoped
public class AppLogs {

    private final AppRepository apps;
    private final AppLogStreams streams;

    public AppLogs(AppRepository apps, AppLogStreams streams) {
        this.apps = apps;
        this.streams = streams;
    }

    public Optional<Multi<AppLogItem>> open(String app, AppLogQuery query) {
        return poolOf(app).map(pool -> streams.open(app, pool, query));
    }

    @Transactional
    Optional<String> poolOf(String app) {
        return apps.findByIdOptional(app).map(App::pool);
    }
}
