package io.slipway.gateway.rest;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;

/** The route the router matched, as the audit log and the refusals name it: {@code METHOD /template}. */
public final class Routes {

    private Routes() {}

    /** Null when no endpoint matched. */
    public static String of(String method, ResourceInfo resource) {
        Class<?> type = resource.getResourceClass();
        Method endpoint = resource.getResourceMethod();
        if (type == null || endpoint == null) {
            return null;
        }
        return method + " " + join(pathOf(type.getAnnotation(Path.class)), pathOf(endpoint.getAnnotation(Path.class)));
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
