package io.slipway.gateway;

import java.time.Instant;

/**
 * One entry of the audit log as the API shows it.
 *
 * @param actor the token's name ({@code bootstrap} for the API token); null when no token was recognised
 * @param action the matched route, {@code METHOD /template}, or the method and path of a request refused before one
 *     matched
 * @param target the deployment, token or other item the action named or created, if any
 * @param outcome {@code succeeded}, {@code failed} or {@code refused}
 * @param status the HTTP status answered, when recorded after the answer (101 for an accepted console attach, or the
 *     close code 4404 when its run waited for no client); null for a change recorded in its own transaction
 */
public record AuditEntryView(
        String id,
        Instant at,
        String actor,
        String role,
        String action,
        String app,
        String target,
        String outcome,
        Integer status,
        String sourceAddress) {}
