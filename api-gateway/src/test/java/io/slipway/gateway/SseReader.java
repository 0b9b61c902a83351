package io.slipway.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a server-sent events stream in the background, as a browser would, keeping every event. */
final class SseReader {

    /** One event: its {@code event:} name ({@code null} when unnamed), its {@code id:} and its {@code data:}. */
    record Event(String name, String id, String data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> ended;

    private SseReader(URI uri, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + Api.token())
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        ended = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .thenApplyAsync(response -> {
                    read(response.body());
                    return response.statusCode();
                });
    }

    static SseReader open(URI uri) {
        return new SseReader(uri, null);
    }

    static SseReader resume(URI uri, String lastEventId) {
        return new SseReader(uri, lastEventId);
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** The unnamed events: the log lines. */
    List<Event> lines() {
        return events.stream().filter(event -> event.name() == null).toList();
    }

    /** The events named {@code name}. */
    List<Event> named(String name) {
        return events.stream().filter(event -> name.equals(event.name())).toList();
    }

    /** Waits for the server to complete the stream; returns the HTTP status. */
    int awaitEnd(Duration timeout) throws Exception {
        return ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean ended() {
        return ended.isDone();
    }

    private void read(Stream<String> lines) {
        List<String> data = new ArrayList<>();
        String[] id = {null};
        String[] name = {null};
        lines.forEach(line -> {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    events.add(new Event(name[0], id[0], String.join("\n", data)));
                }
                data.clear();
                id[0] = null;
                name[0] = null;
            } else if (line.startsWith("data:")) {
                data.add(line.substring(5));
            } else if (line.startsWith("id:")) {
                id[0] = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                name[0] = line.substring(6).strip();
            }
        });
    }
}
