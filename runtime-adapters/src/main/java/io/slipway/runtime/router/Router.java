package io.slipway.runtime.router;

import java.util.List;
import java.util.Map;

/**
 * The reverse proxy in front of the apps: each app's route sends requests for its host name to the
 * published addresses of its web containers. Slipway is the only writer of the proxy's routes and keeps
 * what it gave, so a proxy that lost them (a restart) can be given them all again.
 */
public interface Router {

    /** No proxy ({@code SLIPWAY_ROUTER=none}): apps are reached at their processes' published addresses. */
    static Router none() {
        return new NoRouter();
    }

    /**
     * Points the app's route at {@code upstreams} ({@code 127.0.0.1:49153}, ...) in one change to the proxy,
     * creating the route when the app has none; no upstreams removes it.
     *
     * @throws RouterException when the proxy refuses or does not answer
     */
    void route(String app, List<String> upstreams);

    /**
     * Makes the app's route answer every request with 503 and a short page saying the app is stopped, until it is
     * pointed at upstreams again ({@link #route}).
     *
     * @throws RouterException when the proxy refuses or does not answer
     */
    void stop(String app);

    /** Whether the app's route answers that the app is stopped. */
    boolean isStopped(String app);

    /** The upstreams Slipway last gave the app's route; empty when it has none. */
    List<String> upstreams(String app);

    /**
     * Replaces every route Slipway knows with {@code routes} and writes them to the proxy, e.g. at start,
     * from the containers the engine runs.
     */
    void restore(Map<String, List<String>> routes);

    /**
     * Writes every known route again when the proxy lost them (it restarted with its empty
     * configuration); one cheap question when it still holds them.
     *
     * @return whether the routes had to be written again
     */
    boolean reapplyIfLost();

    /** What operators see in logs and health: the kind of router and where it is. */
    String describe();
}
