package io.slipway.gateway.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.slipway.gateway.SessionView;
import io.slipway.gateway.security.Caller;
import io.slipway.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The calling token's own role and apps: what a client may offer without trying each call. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/session")
@Tag(name = "Tokens")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SecurityIdentity identity;

    public SessionResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Operation(
            operationId = "getSession",
            summary = "The calling token: its actor name, role and the apps it is limited to (any role)")
    @APIResponse(
            responseCode = "200",
            description = "The caller",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    public SessionView get() {
        // The role check above lets only API tokens in, and each carries its caller.
        Caller caller = Caller.of(identity).orElseThrow();
        return new SessionView(
                caller.actor(),
                caller.role(),
                caller.apps().map(apps -> apps.stream().sorted().toList()).orElse(null));
    }
}
