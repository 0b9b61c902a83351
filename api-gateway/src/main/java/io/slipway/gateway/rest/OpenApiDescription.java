package io.slipway.gateway.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API's OpenAPI description: every {@code /api} operation needs the bearer token. Clients are generated from it,
 * so every operation has an {@code operationId} and its answers, and each tag is described here, once.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Slipway",
                        version = "v1",
                        description = "Deploys container images with Dokku-style deployment tasks. Errors are"
                                + " application/problem+json (RFC 9457).",
                        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        // Relative: the gateway that serves this document, wherever its operator runs it.
        servers = @Server(url = "/", description = "The gateway that serves this document"),
        tags = {
            @Tag(name = "Apps", description = "Apps, their settings, config variables and process formation"),
            @Tag(
                    name = "Deployments",
                    description = "Deploying an image or a build context, following a deployment, cancelling,"
                            + " retrying and rolling back"),
            @Tag(name = "Manifests", description = "Checking app.json and Procfile before a deployment"),
            @Tag(
                    name = "Runs",
                    description = "One-off commands in a new container of an app's current release, their status and"
                            + " output"),
            @Tag(
                    name = "Cron",
                    description = "The app.json cron entries of an app's current release: their next and last runs,"
                            + " running one now, suspending and resuming"),
            @Tag(
                    name = "Tokens",
                    description = "API tokens with a role and optionally a list of apps (admins only), and the"
                            + " calling token's own (any role)"),
            @Tag(name = "Audit", description = "Who changed what, and which requests were refused (admins only)"),
            @Tag(name = "Webhooks", description = "Receivers told of each app's deployments, and their deliveries"),
            @Tag(
                    name = "Workers",
                    description = "What the engine workers of distributed mode ask the gateway: claims and build"
                            + " contexts (the worker token, not the API token)")
        },
        security = @SecurityRequirement(name = OpenApiDescription.BEARER))
@SecurityScheme(
        securitySchemeName = OpenApiDescription.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "The API token: SLIPWAY_API_TOKEN, or the one generated in <data dir>/api-token")
public class OpenApiDescription extends Application {

    static final String BEARER = "bearer";
}
