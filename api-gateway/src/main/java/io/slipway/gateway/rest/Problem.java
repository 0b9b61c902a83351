package io.slipway.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.gateway.ManifestIssue;
import io.slipway.manifest.ManifestException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An error answer, RFC 9457 problem details. Problems of plain HTTP meaning have type
 * {@code about:blank} and the status phrase as title; manifest errors have their own type and
 * list every problem with its position.
 *
 * @param errors manifest problems; absent for other problems
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type, String title, int status, String detail, String instance, List<ManifestIssue> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String INVALID_MANIFEST = "urn:slipway:problem:invalid-manifest";
    /** JAX-RS 3.1 has no constant for 422. */
    public static final Response.StatusType UNPROCESSABLE_CONTENT = new Status(422, "Unprocessable Content");

    private record Status(int code, String phrase) implements Response.StatusType {

        @Override
        public int getStatusCode() {
            return code;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.familyOf(code);
        }

        @Override
        public String getReasonPhrase() {
            return phrase;
        }
    }

    /**
     * The request's path as sent (not decoded), read from the request line: an HTTP/1.0 request without {@code Host}
     * has no absolute URI to take it from.
     */
    public static String instance(HttpServerRequest request) {
        return request.path();
    }

    public static Problem of(Response.StatusType status, String detail, String instance) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance, null);
    }

    public static Problem invalidManifest(ManifestException invalid, String instance) {
        return new Problem(
                INVALID_MANIFEST,
                "Invalid manifest",
                UNPROCESSABLE_CONTENT.getStatusCode(),
                invalid.getMessage(),
                instance,
                invalid.problems().stream().map(ManifestIssue::of).toList());
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /**
     * Answers with this problem from a route that runs before the REST layer (which writes problems itself); headers
     * the caller put on the response go with it.
     */
    public void send(RoutingContext context, ObjectMapper json) {
        try {
            context.response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                    .end(json.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
