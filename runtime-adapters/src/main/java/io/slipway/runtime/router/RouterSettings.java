package io.slipway.runtime.router;

import io.slipway.contract.AppRouting;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which router to use and how apps are named on it. Framework-free; the Quarkus modules map their
 * configuration onto it.
 *
 * @param kind {@code caddy} or {@code none}
 * @param caddyAdmin the Caddy admin API, e.g. {@code http://127.0.0.1:2019}
 * @param domain apps are served at {@code http://<app>.<domain>}
 * @param listen the proxy's listen address, e.g. {@code :80} or {@code 127.0.0.1:8088}
 */
public record RouterSettings(String kind, URI caddyAdmin, String domain, String listen) {

    public static final String CADDY = AppRouting.DEFAULT_ROUTER;
    public static final String NONE = AppRouting.NO_ROUTER;

    /** A host name of DNS labels: a domain is put into the proxy's configuration and into URLs. */
    private static final Pattern DOMAIN =
            Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private static final Pattern LISTEN = Pattern.compile("([0-9.]*|\\[[0-9a-f:]+\\]):([0-9]{1,5})");

    public RouterSettings {
        kind = Objects.requireNonNull(kind, "kind").strip().toLowerCase(Locale.ROOT);
        if (!kind.equals(CADDY) && !kind.equals(NONE)) {
            throw new IllegalArgumentException("router must be caddy or none, not '" + kind + "'");
        }
        Objects.requireNonNull(caddyAdmin, "caddyAdmin");
        domain = Objects.requireNonNull(domain, "domain").strip().toLowerCase(Locale.ROOT);
        if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("domain is not a host name: '" + domain + "'");
        }
        listen = Objects.requireNonNull(listen, "listen").strip();
        if (!LISTEN.matcher(listen).matches()) {
            throw new IllegalArgumentException("router listen address must be [host]:port, not '" + listen + "'");
        }
    }

    public boolean enabled() {
        return kind.equals(CADDY);
    }

    /** The host name requests for {@code app} carry. */
    public String host(String app) {
        return new AppRouting(domain, listen).host(app);
    }

    /** Where {@code app} is served. Empty without a router. */
    public Optional<String> url(String app) {
        return enabled() ? Optional.of(new AppRouting(domain, listen).url(app)) : Optional.empty();
    }

    /** The router these settings name. */
    public Router connect() {
        return enabled() ? new CaddyRouter(this) : new NoRouter();
    }
}
