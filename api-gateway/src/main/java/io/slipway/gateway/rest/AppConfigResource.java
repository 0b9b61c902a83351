package io.slipway.gateway.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.slipway.gateway.DeploymentView;
import io.slipway.gateway.security.Roles;
import io.slipway.gateway.service.AppConfigService;
import io.slipway.gateway.service.ProcessControl;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An app's config variables: a change to an app with a release makes a new release (a CONFIG deployment). */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/apps/{app}/config")
@Tag(name = "Apps")
@Produces(MediaType.APPLICATION_JSON)
public class AppConfigResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final AppConfigService config;
    private final ProcessControl control;

    /** What a viewer sees of each value. */
    static final String MASKED = "********";

    private final SecurityIdentity identity;

    public AppConfigResource(AppConfigService config, ProcessControl control, SecurityIdentity identity) {
        this.config = config;
        this.control = control;
        this.identity = identity;
    }

    /**
     * A config change of an app with a release.
     *
     * @param deployment the CONFIG deployment that releases it; null with {@code ?deploy=false}
     */
    public record ConfigRelease(Map<String, String> config, DeploymentView deployment) {}

    @GET
    @Operation(
            operationId = "getConfig",
            summary = "The app's config variables",
            description = "A viewer sees the names, each value masked as " + MASKED)
    @APIResponse(responseCode = "200", description = "The config variables, by name")
    @APIResponse(responseCode = "404", description = "No such app")
    public Map<String, String> get(@PathParam("app") String app) {
        Map<String, String> variables = config.of(app).orElseThrow(() -> NotFound.app(app));
        if (identity.hasRole(Roles.DEPLOYER)) {
            return variables;
        }
        Map<String, String> masked = new TreeMap<>();
        variables.keySet().forEach(name -> masked.put(name, MASKED));
        return masked;
    }

    @GET
    @Path("/sources")
    @Operation(
            operationId = "getConfigSources",
            summary = "Where each config variable came from",
            description = "\"app.json\" for a default or generated secret of app.json's env that the operator has not"
                    + " set since, else \"operator\"; names only, never values")
    @APIResponse(responseCode = "200", description = "Where each variable came from, by name")
    @APIResponse(responseCode = "404", description = "No such app")
    public Map<String, String> sources(@PathParam("app") String app) {
        return config.sources(app).orElseThrow(() -> NotFound.app(app));
    }

    @RolesAllowed(Roles.DEPLOYER)
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceConfig",
            summary = "Replace the app's config variables",
            description = "On an app with a release, the answer is {config, deployment}: a CONFIG deployment runs the"
                    + " whole pipeline on the current release's source image with the new config (none with"
                    + " ?deploy=false, which only stores it). Before the first release, the variables alone. Values"
                    + " never appear in logs")
    @APIResponse(responseCode = "200", description = "The config variables now, or {config, deployment}")
    @APIResponse(responseCode = "404", description = "No such app")
    @APIResponse(
            responseCode = "422",
            description = "A name is not a variable name (at most 255 characters), a value is missing, longer than"
                    + " 65536 characters or holds NUL, or more than 500 variables")
    public Object replace(
            @PathParam("app") String app,
            @QueryParam("deploy") @DefaultValue("true") boolean deploy,
            Map<String, String> variables) {
        return released(app, deploy, config.replace(app, variables).orElseThrow(() -> NotFound.app(app)));
    }

    @RolesAllowed(Roles.DEPLOYER)
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(
            operationId = "mergeConfig",
            summary = "Merge into the app's config variables",
            description = "A JSON merge patch: variables given are set, variables given as null are removed. The"
                    + " answer and the release it makes are those of PUT")
    @APIResponse(responseCode = "200", description = "The config variables now, or {config, deployment}")
    @APIResponse(responseCode = "404", description = "No such app")
    @APIResponse(
            responseCode = "422",
            description = "A name is not a variable name, a value is too long or holds NUL, or the app would have"
                    + " more than 500 variables")
    public Object merge(
            @PathParam("app") String app,
            @QueryParam("deploy") @DefaultValue("true") boolean deploy,
            Map<String, String> changes) {
        return released(app, deploy, config.merge(app, changes).orElseThrow(() -> NotFound.app(app)));
    }

    /** The stored variables, with the release that applies them once the app has one. */
    private Object released(String app, boolean deploy, Map<String, String> stored) {
        if (!control.hasRelease(app)) {
            return stored;
        }
        return new ConfigRelease(stored, deploy ? control.configRelease(app).orElse(null) : null);
    }
}
