package io.slipway.runtime.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Caddy, configured only through its admin API. Slipway owns one HTTP server in it ({@value #SERVER});
 * each app is one route of that server, addressed by its {@code @id}, so a switch is one {@code PATCH} of
 * that route, which Caddy applies as a graceful reload (requests in flight are finished by the old
 * configuration). Everything else in Caddy's configuration (its admin settings, other servers) is kept.
 */
final class CaddyRouter implements Router {

    static final String SERVER = "slipway";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String RETRY_DIALS_FOR = "3s";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RouterSettings settings;
    private final HttpClient http;
    /** What Slipway gave each app's route, by app: the state a restarted proxy is given again. */
    private final Map<String, List<String>> routes = new TreeMap<>();
    /** The apps whose route answers that they are stopped. */
    private final Set<String> stopped = new TreeSet<>();

    CaddyRouter(RouterSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public synchronized void route(String app, List<String> upstreams) {
        List<String> given = List.copyOf(upstreams);
        stopped.remove(app);
        if (given.isEmpty()) {
            routes.remove(app);
            send("DELETE", "/id/" + routeId(app), null, 404);
            return;
        }
        routes.put(app, given);
        patchOrWrite(app, routeJson(app, given));
    }

    @Override
    public synchronized void stop(String app) {
        routes.remove(app);
        stopped.add(app);
        patchOrWrite(app, stoppedJson(app));
    }

    @Override
    public synchronized boolean isStopped(String app) {
        return stopped.contains(app);
    }

    private void patchOrWrite(String app, ObjectNode route) {
        HttpResponse<String> patched = send("PATCH", "/id/" + routeId(app), route, 404);
        if (patched.statusCode() == 404) {
            // A new app, or a proxy that lost its configuration: write the whole server, this route included.
            writeServer();
        }
    }

    @Override
    public synchronized List<String> upstreams(String app) {
        return routes.getOrDefault(app, List.of());
    }

    @Override
    public synchronized void restore(Map<String, List<String>> given) {
        routes.clear();
        given.forEach((app, upstreams) -> {
            if (!upstreams.isEmpty()) {
                routes.put(app, List.copyOf(upstreams));
            }
        });
        writeServer();
    }

    @Override
    public synchronized boolean reapplyIfLost() {
        HttpResponse<String> server = send("GET", "/config/apps/http/servers/" + SERVER, null, 400, 404);
        if (server.statusCode() == 200
                && !server.body().isBlank()
                && !server.body().strip().equals("null")) {
            return false;
        }
        writeServer();
        return true;
    }

    @Override
    public String describe() {
        return "caddy at " + settings.caddyAdmin() + ", apps at "
                + settings.url("<app>").orElseThrow();
    }

    /** Loads Caddy's current configuration with Slipway's server set to every known route, in one call. */
    private void writeServer() {
        HttpResponse<String> current = send("GET", "/config/", null);
        ObjectNode config = readObject(current.body());
        ObjectNode servers = config.withObject("/apps/http/servers");
        servers.set(SERVER, server());
        send("POST", "/load", config);
    }

    private ObjectNode server() {
        ObjectNode server = JSON.createObjectNode();
        server.putArray("listen").add(settings.listen());
        // Plain HTTP on whatever port: Caddy would otherwise try certificates for the app host names.
        server.putObject("automatic_https").put("disable", true);
        ArrayNode list = server.putArray("routes");
        routes.forEach((app, upstreams) -> list.add(routeJson(app, upstreams)));
        stopped.forEach(app -> list.add(stoppedJson(app)));
        return server;
    }

    private ObjectNode routeJson(String app, List<String> upstreams) {
        ObjectNode route = routeOf(app);
        ObjectNode proxy = route.withArray("handle").addObject();
        proxy.put("handler", "reverse_proxy");
        ArrayNode dials = proxy.putArray("upstreams");
        upstreams.forEach(upstream -> dials.addObject().put("dial", upstream));
        // An upstream that refuses the connection (a container retired while a request chose it, an engine
        // still setting up a published port) costs a retry on another, not a 502: only dial errors are retried,
        // so no request reaches an app twice.
        proxy.putObject("load_balancing").put("try_duration", RETRY_DIALS_FOR).put("try_interval", "100ms");
        return route;
    }

    /** Caddy's own static response: 503, and a page that says the app is stopped rather than broken. */
    private ObjectNode stoppedJson(String app) {
        ObjectNode route = routeOf(app);
        ObjectNode answer = route.withArray("handle").addObject();
        answer.put("handler", "static_response");
        answer.put("status_code", 503);
        answer.putObject("headers").putArray("Content-Type").add("text/html; charset=utf-8");
        answer.put(
                "body",
                "<!doctype html><title>" + app + " is stopped</title><h1>" + app + " is stopped</h1>"
                        + "<p>Its operator stopped it; it answers again once it is started.</p>\n");
        return route;
    }

    /** The app's route, matching its host, without its handler yet. */
    private ObjectNode routeOf(String app) {
        ObjectNode route = JSON.createObjectNode();
        route.put("@id", routeId(app));
        route.putArray("match").addObject().putArray("host").add(settings.host(app));
        route.putArray("handle");
        route.put("terminal", true);
        return route;
    }

    private static String routeId(String app) {
        return "slipway-app-" + app;
    }

    private static ObjectNode readObject(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (IOException e) {
            throw new RouterException("Caddy answered a configuration that is not JSON: " + e.getMessage(), e);
        }
    }

    /** @param accepted statuses besides 200 the caller handles itself */
    private HttpResponse<String> send(String method, String path, JsonNode body, int... accepted) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        settings.caddyAdmin().resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RouterException(
                    "Caddy's admin API at " + settings.caddyAdmin() + " does not answer (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RouterException("interrupted while changing Caddy's routes", e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response;
        }
        for (int expected : accepted) {
            if (status == expected) {
                return response;
            }
        }
        throw new RouterException("Caddy refused " + method + " " + path + " (" + status + "): "
                + response.body().strip());
    }
}
