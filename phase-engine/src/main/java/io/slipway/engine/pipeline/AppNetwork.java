package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentOrder;
import java.util.Map;
import java.util.Optional;

/**
 * The networks a deployment's build, tasks and processes join, by the engine's network mode
 * ({@code SLIPWAY_NETWORK}):
 *
 * <ul>
 *   <li>unset: all three join the app's network, {@code slipway-app-<app>}, or the shared network its operator
 *       named; no two apps share one unless asked, and none is the host's;
 *   <li>{@code none}: builds and tasks get no network; processes still join the app's network, since a port
 *       cannot be published from no network;
 *   <li>anything else (a network's name, {@code bridge}, {@code host}): everything joins that, as the operator
 *       chose, and no network is made for the app.
 * </ul>
 *
 * @param ensured the network made for the deployment unless it exists, and its labels; empty when none is
 */
record AppNetwork(Optional<Ensured> ensured, String build, String tasks, String processes) {

    /** A network the deployment needs to exist. */
    record Ensured(String name, Map<String, String> labels) {}

    static final String NO_NETWORK = "none";
    private static final String PREFIX = "slipway-app-";
    /** Marks a network apps were asked to share: it outlives each of them. */
    static final String SHARED_LABEL = "io.slipway.shared-network";

    static AppNetwork of(Optional<String> mode, DeploymentOrder order) {
        return of(mode, order.app(), order.network());
    }

    /** @param shared the shared network the app joins instead of its own; empty for its own */
    static AppNetwork of(Optional<String> mode, String app, Optional<String> shared) {
        if (mode.isPresent() && !mode.get().equals(NO_NETWORK)) {
            String chosen = mode.get();
            return new AppNetwork(Optional.empty(), chosen, chosen, chosen);
        }
        Ensured ensured = shared.map(name -> new Ensured(name, Map.of(SHARED_LABEL, "true")))
                .orElseGet(() -> new Ensured(nameOf(app), Map.of(ContainerLabels.APP, app)));
        String isolated = mode.isPresent() ? NO_NETWORK : ensured.name();
        return new AppNetwork(Optional.of(ensured), isolated, isolated, ensured.name());
    }

    /** The app's own network, which goes when the app goes. */
    static String nameOf(String app) {
        return PREFIX + app;
    }
}
