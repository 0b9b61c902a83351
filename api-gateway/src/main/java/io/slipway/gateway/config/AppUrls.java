package io.slipway.gateway.config;

import io.slipway.contract.AppRouting;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the router serves each app, shown in the app view. The gateway reads the router settings the engine's router
 * runs by ({@code SLIPWAY_ROUTER}, {@code SLIPWAY_DOMAIN}, {@code SLIPWAY_ROUTER_LISTEN}; the engine checks them), and
 * follows the rule both share ({@link AppRouting}).
 */
@ApplicationScoped
public class AppUrls {

    private final Optional<AppRouting> routing;

    AppUrls(
            @ConfigProperty(name = "slipway.router", defaultValue = AppRouting.DEFAULT_ROUTER) String router,
            @ConfigProperty(name = "slipway.domain", defaultValue = AppRouting.DEFAULT_DOMAIN) String domain,
            @ConfigProperty(name = "slipway.router-listen", defaultValue = AppRouting.DEFAULT_LISTEN) String listen) {
        this.routing = router.strip().toLowerCase(Locale.ROOT).equals(AppRouting.NO_ROUTER)
                ? Optional.empty()
                : Optional.of(new AppRouting(domain.strip().toLowerCase(Locale.ROOT), listen.strip()));
    }

    /** Empty without a router. */
    public Optional<String> of(String app) {
        return routing.map(rule -> rule.url(app));
    }
}
