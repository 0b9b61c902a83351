package io.slipway.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.slipway.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a request whose declared {@code Content-Length} is above {@code slipway.gateway.max-upload-size}
 * with a 413 problem, before a byte of the body is read. It runs just before Quarkus's own check of
 * {@code quarkus.http.limits.max-body-size} (set to the same value), which would answer 413 without
 * a body. A chunked upload without a length that grows past the limit is cut off by that check.
 */
@ApplicationScoped
public class UploadLimit {

    private final long limit;
    private final ObjectMapper json;

    public UploadLimit(GatewayConfig config, ObjectMapper json) {
        this.limit = config.gateway().maxUploadSize().asLongValue();
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !tooLarge(length)) {
            context.next();
            return;
        }
        Problem problem = Problem.of(
                Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "the body has " + length + " bytes; the limit (slipway.gateway.max-upload-size) is " + limit + " bytes",
                context.request().path());
        // The body is not read: close the connection rather than drain it.
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        problem.send(context, json);
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
