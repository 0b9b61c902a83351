package io.slipway.gateway.rest;

import jakarta.ws.rs.NotFoundException;

/** The 404s of the API; an empty answer of a service becomes one of these at the REST edge. */
final class NotFound {

    private NotFound() {}

    static NotFoundException app(String name) {
        return new NotFoundException("no app named " + name);
    }

    static NotFoundException deployment(String id) {
        return new NotFoundException("no deployment " + id);
    }

    static NotFoundException run(String id) {
        return new NotFoundException("no run " + id);
    }

    static NotFoundException cronEntry(String app, String id) {
        return new NotFoundException("no cron entry " + id + " in app " + app);
    }
}
