package io.slipway.cli.streams;

import org.jboss.resteasy.reactive.client.SseEvent;

/** A server-sent event as the REST client hands it over; a null name is an unnamed event. */
record Events(String name, String data) implements SseEvent<String> {

    static Events line(String data) {
        return new Events(null, data);
    }

    @Override
    public String id() {
        return null;
    }

    @Override
    public String comment() {
        return null;
    }
}
