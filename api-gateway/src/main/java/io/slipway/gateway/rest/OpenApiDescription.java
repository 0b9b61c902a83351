package io.slipway.gateway.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The API's OpenAPI description: every {@code /api} operation needs the bearer token. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Slipway",
                        version = "v1",
                        description = "Deploys container images with Dokku-style deployment tasks. Errors are"
                                + " application/problem+json (RFC 9457)."),
        security = @SecurityRequirement(name = OpenApiDescription.BEARER))
@SecurityScheme(
        securitySchemeName = OpenApiDescription.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "The API token: SLIPWAY_API_TOKEN, or the one generated in <data dir>/api-token")
public class OpenApiDescription extends Application {

    static final String BEARER = "bearer";
}
