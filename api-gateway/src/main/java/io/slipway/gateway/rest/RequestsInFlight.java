package io.slipway.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.slipway.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the requests the gateway works on at once ({@code slipway.gateway.max-requests-in-flight}): one more is
 * answered 503 with {@code Retry-After} at once, before it is authenticated or read. A gateway that falls behind
 * an open-loop load otherwise keeps accepting requests, and the answers waiting to be written filled its direct
 * memory until every request failed with an {@code OutOfMemoryError}, the system collections that memory asks for
 * holding the rest up for seconds.
 *
 * <p>A request counts from its first route to its end: its answer written, or its connection gone. An event stream
 * counts until its headers are written: from then on it lasts as long as its client wants, and has bounds of its own
 * (the follows of app logs). What the client asks for decides nothing: a request that only says it accepts an event
 * stream counts until its end. A WebSocket handshake (a {@code GET} with {@code Upgrade: websocket} and no body)
 * does not count: the upgrade writes no response that would end it, and the consoles it opens have bounds of their
 * own. Which requests count is a question of load, not of who may do what: no authorization depends on it.
 */
@ApplicationScoped
public class RequestsInFlight {

    /** The first of Slipway's routes: before the upload limit and before authentication. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2;

    private final int bound;
    private final Semaphore slots;
    private final ObjectMapper json;

    public RequestsInFlight(GatewayConfig config, ObjectMapper json) {
        this.bound = config.gateway().maxRequestsInFlight();
        if (bound < 1) {
            throw new IllegalArgumentException(
                    "slipway.gateway.max-requests-in-flight must be at least 1, not " + bound);
        }
        this.slots = new Semaphore(bound);
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::admit);
    }

    private void admit(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (webSocketHandshake(request)) {
            context.next();
            return;
        }
        if (!slots.tryAcquire()) {
            refuse(context);
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        };
        context.addEndHandler(ended -> release.run());
        context.addHeadersEndHandler(written -> {
            if (eventStream(context.response())) {
                release.run();
            }
        });
        context.next();
    }

    /** A handshake has no body: a request that sends one, or withholds it, is not an upgrade and counts. */
    private static boolean webSocketHandshake(HttpServerRequest request) {
        return request.method() == HttpMethod.GET
                && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))
                && request.getHeader(HttpHeaders.CONTENT_LENGTH) == null
                && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
    }

    private static boolean eventStream(HttpServerResponse response) {
        String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    private void refuse(RoutingContext context) {
        Problem problem = Problem.of(
                Response.Status.SERVICE_UNAVAILABLE,
                "the gateway is working on " + bound
                        + " requests already (slipway.gateway.max-requests-in-flight); try again in a second",
                context.request().path());
        context.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
        problem.send(context, json);
    }
}
