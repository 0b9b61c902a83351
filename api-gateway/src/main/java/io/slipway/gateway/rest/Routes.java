package io.slipway.gateway.rest;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The route the router matched, as the audit log and the refusals name it: {@code METHOD /template}. */
public final class Routes {

    /**
     * Every request is named, and a name reads two annotations and trims slashes: each is made once. Only a matched
     * endpoint has a name, so the names are bounded by the endpoints and the methods each answers.
     */
    private static final ConcurrentMap<Endpoint, String> NAMES = new ConcurrentHashMap<>();

    private record Endpoint(String method, Class<?> type, Method endpoint) {}

    private Routes() {}

    /** Null when no endpoint matched. */
    public static String of(String method, ResourceInfo resource) {
        Class<?> type = resource.getResourceClass();
        Method endpoint = resource.getResourceMethod();
        if (type == null || endpoint == null) {
            return null;
        }
        return NAMES.computeIfAbsent(new Endpoint(method, type, endpoint), Routes::name);
    }

    private static String name(Endpoint endpoint) {
        return endpoint.method() + " "
                + join(
                        pathOf(endpoint.type().getAnnotation(Path.class)),
                        pathOf(endpoint.endpoint().getAnnotation(Path.class)));
    }

    private static String pathOf(Path path) {
        return path == null ? "" : path.value();
    }

    private static String join(String base, String rest) {
        if (rest.isEmpty()) {
            return base;
        }
        return base.replaceAll("/+$", "") + "/" + rest.replaceAll("^/+", "");
    }
}
