package io.slipway.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import java.util.Set;

/**
 * Who calls the API: the actor the audit log names (a token's name, {@value #BOOTSTRAP} for the API token), the
 * token's role, and the apps it is limited to (empty: every app). Carried as an attribute of the security identity.
 */
public record Caller(String actor, String role, Optional<Set<String>> apps) {

    /** The actor of the API token ({@code SLIPWAY_API_TOKEN} or the generated one); no stored token takes the name. */
    public static final String BOOTSTRAP = "bootstrap";

    static final String ATTRIBUTE = "slipway.caller";

    public Caller {
        apps = apps.map(Set::copyOf);
    }

    /** The API caller behind an identity; empty for an anonymous one and the worker token. */
    public static Optional<Caller> of(SecurityIdentity identity) {
        return identity == null ? Optional.empty() : Optional.ofNullable(identity.getAttribute(ATTRIBUTE));
    }

    /** Whether the token may see and touch {@code app}; others are absent to it. */
    public boolean reaches(String app) {
        return apps.map(scope -> scope.contains(app)).orElse(true);
    }

    public boolean limitedToApps() {
        return apps.isPresent();
    }
}
