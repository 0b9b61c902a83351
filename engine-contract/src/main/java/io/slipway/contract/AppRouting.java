package io.slipway.contract;

/**
 * Where the router serves an app, a rule both sides follow: the engine's router sends requests for the app's host
 * name to its web processes, and the gateway shows the app's URL. Both read the same settings
 * ({@code SLIPWAY_DOMAIN}, {@code SLIPWAY_ROUTER_LISTEN}).
 *
 * @param domain apps are served at {@code http://<app>.<domain>}
 * @param listen the router's listen address, {@code [host]:port}
 */
public record AppRouting(String domain, String listen) {

    /** {@code SLIPWAY_ROUTER}: the router that serves apps, or {@link #NO_ROUTER}. */
    public static final String DEFAULT_ROUTER = "caddy";

    public static final String NO_ROUTER = "none";
    public static final String DEFAULT_DOMAIN = "localhost";
    public static final String DEFAULT_LISTEN = ":80";

    /** The host name requests for {@code app} carry. */
    public String host(String app) {
        return app + "." + domain;
    }

    /** Where {@code app} is served; the port is part of it unless it is 80. */
    public String url(String app) {
        String port = listen.substring(listen.lastIndexOf(':') + 1);
        return "http://" + host(app) + (port.equals("80") ? "" : ":" + port);
    }
}
