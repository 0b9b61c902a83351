package io.slipway.gateway.service;

import io.quarkus.vertx.http.HttpServerStart;
import io.slipway.gateway.security.ApiToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

/** One line at start-up: where the gateway answers, and where its API token is. */
@ApplicationScoped
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    private final ApiToken token;

    public StartupBanner(ApiToken token) {
        this.token = token;
    }

    void onHttpStart(@ObservesAsync HttpServerStart start) {
        String host = start.options().getHost();
        // 0.0.0.0 means every interface: show an address that works from this host.
        String shown = host == null || host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        LOG.infof(
                "Slipway is up at http://%s:%d/ (web UI; API under /api/v1, OpenAPI at /q/openapi); %s",
                shown, start.options().getPort(), token.source());
    }
}
