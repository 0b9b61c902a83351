package io.slipway.gateway.rest;

import io.slipway.gateway.ManifestIssue;
import io.slipway.gateway.ManifestReport;
import io.slipway.gateway.security.Roles;
import io.slipway.manifest.DeploymentTasks;
import io.slipway.manifest.ManifestException;
import io.slipway.manifest.ManifestParser;
import io.slipway.manifest.ParsedManifests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/manifests")
@Tag(name = "Manifests")
public class ManifestResource {

    private final ManifestParser parser;

    /** @param parser the engine's, so that validation holds app.json to the same process limit as a deployment */
    public ManifestResource(ManifestParser parser) {
        this.parser = parser;
    }

    /** The texts of app.json and the Procfile; an absent one is as if the file were missing. */
    public record Manifests(String appJson, String procfile) {}

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "validateManifests",
            summary = "Check app.json and a Procfile",
            description = "Parses them as a deployment would and tells what it would run, or every error with its"
                    + " file, line, column and JSON path")
    @APIResponse(responseCode = "200", description = "Valid; the tasks and processes they define, and warnings")
    @APIResponse(responseCode = "422", description = "Invalid; the problem lists every error in errors")
    public ManifestReport validate(Manifests manifests) throws ManifestException {
        Manifests given = manifests == null ? new Manifests(null, null) : manifests;
        ParsedManifests parsed = parser.parse(bytes(given.appJson()), bytes(given.procfile()));
        DeploymentTasks tasks = parsed.tasks();
        return new ManifestReport(
                new ManifestReport.Tasks(
                        tasks.predeploy().orElse(null),
                        tasks.release().orElse(null),
                        tasks.postdeploy().orElse(null),
                        tasks.setup().orElse(null)),
                new LinkedHashMap<>(parsed.processes()),
                parsed.warnings().stream().map(ManifestIssue::of).toList());
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
