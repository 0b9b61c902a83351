package io.slipway.gateway.rest;

import io.slipway.gateway.CreatedToken;
import io.slipway.gateway.TokenView;
import io.slipway.gateway.security.EveryApp;
import io.slipway.gateway.security.Roles;
import io.slipway.gateway.service.TokenService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(Roles.ADMIN)
@EveryApp
@Path("/api/v1/tokens")
@Tag(name = "Tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    private static final int PER_PAGE = 100;

    private final TokenService tokens;

    public TokenResource(TokenService tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createToken",
            summary = "Create a token: {\"name\", \"role\", \"apps\"?, \"expiresAt\"?}",
            description = "role: viewer, deployer or admin; apps: the apps it is limited to (others are absent to it),"
                    + " none for every app; expiresAt: when it stops opening the API. The answer's token is the value,"
                    + " shown this once: only its hash is kept.")
    @APIResponse(
            responseCode = "201",
            description = "Created, with its value",
            content = @Content(schema = @Schema(implementation = CreatedToken.class)))
    @APIResponse(
            responseCode = "400",
            description = "A name empty, over 100 characters or with control characters, a role not one of the"
                    + " three, an unknown app, or an expiry not in the future; the detail names the field")
    @APIResponse(responseCode = "409", description = "The name is taken (a revoked token keeps its name)")
    public Response create(TokenService.NewToken request, UriInfo uri) {
        CreatedToken created = tokens.create(request, Instant.now());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @GET
    @Operation(
            operationId = "listTokens",
            summary = "The tokens, newest first, revoked ones included; never a value",
            description = "A page of at most limit tokens (default " + PER_PAGE + "); when more follow, Link: <...>;"
                    + " rel=\"next\" names the next page (?before=<the last token's id>).")
    @APIResponse(
            responseCode = "200",
            description = "The page",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TokenView.class)))
    @APIResponse(responseCode = "400", description = "limit not 1 to 500, or before no token")
    public Response list(
            @QueryParam(Paging.BEFORE) String before, @QueryParam(Paging.LIMIT) String limit, UriInfo uri) {
        var page = Paging.request(before, limit, PER_PAGE);
        return Paging.ok(tokens.list(page), page, uri);
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "revokeToken",
            summary = "Revoke a token: every gateway replica refuses it from its next request on")
    @APIResponse(responseCode = "204", description = "Revoked (or revoked already)")
    @APIResponse(responseCode = "404", description = "No such token")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(id, Instant.now()).orElseThrow(() -> new NotFoundException("no token " + id));
        return Response.noContent().build();
    }
}
