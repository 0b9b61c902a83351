package io.slipway.gateway.rest;

import io.slipway.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/**
 * Every path under {@code /api} that no other resource matches: a 404 with the token, a 401 without
 * it, so that without the token the API does not tell which of its paths exist. Resources with a
 * longer literal path win the match, as JAX-RS orders them.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api")
public class UnknownApiPath {

    private static final String ANY = "{path: .*}";

    @GET
    @Path(ANY)
    public void get() {
        throw unknown();
    }

    @POST
    @Path(ANY)
    public void post() {
        throw unknown();
    }

    @PUT
    @Path(ANY)
    public void put() {
        throw unknown();
    }

    @PATCH
    @Path(ANY)
    public void patch() {
        throw unknown();
    }

    @DELETE
    @Path(ANY)
    public void delete() {
        throw unknown();
    }

    private static NotFoundException unknown() {
        return new NotFoundException("no such API endpoint");
    }
}
