package io.slipway.gateway;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name of a network several apps were asked to share ({@code PATCH /api/v1/apps/{app} {"network": "..."}}).
 * The engine makes it when the first deployment needs it. Apps without one each get their own network, so the
 * names of those, and the engines' own networks, cannot be asked for: joining one would undo the separation.
 */
public final class SharedNetwork {

    /** Engine network names: at most 63 characters, as the engines' DNS-based service names need. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");
    /** The networks Docker and Podman make themselves, and the names that mean a mode rather than a network. */
    private static final Set<String> ENGINE_OWN = Set.of("host", "bridge", "none", "podman", "default");
    /** Each app's own network is named {@code slipway-app-<app>} by the engine. */
    private static final String APP_OWN_PREFIX = "slipway-app-";

    private SharedNetwork() {}

    /** @throws InvalidRequestException when {@code name} is neither null nor a name an app may share */
    static void check(String name) {
        if (name == null) {
            return;
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidRequestException("network: 1 to 63 lower-case letters, digits, '_', '.' or '-',"
                    + " starting with a letter or digit (null: the app's own network)");
        }
        if (ENGINE_OWN.contains(name) || name.startsWith(APP_OWN_PREFIX)) {
            throw new InvalidRequestException("network: '" + name + "' is an engine's own network or one app's"
                    + " own; name a network for the apps that share it (null: the app's own network)");
        }
    }
}
