package io.slipway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Follows a deployment's {@code text/event-stream} until the server ends it, keeping the log lines. */
final class LogFollower {

    /** One event: the SSE id and the JSON data's fields. */
    record Line(long id, String phase, String stream, long seq, String line) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private LogFollower() {}

    static List<Line> follow(URI logs, String token, Optional<Long> lastEventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(logs)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(3));
        lastEventId.ifPresent(id -> request.header("Last-Event-ID", Long.toString(id)));
        HttpResponse<java.util.stream.Stream<String>> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new AssertionError("logs answered " + response.statusCode());
        }
        List<Line> lines = new ArrayList<>();
        long[] id = {-1};
        boolean[] named = {false};
        response.body().forEach(text -> {
            if (text.isEmpty()) {
                named[0] = false;
            } else if (text.startsWith("event:")) {
                // Named events are phase changes; the lines are the unnamed ones.
                named[0] = true;
            } else if (text.startsWith("id:")) {
                id[0] = Long.parseLong(text.substring(3).trim());
            } else if (text.startsWith("data:") && !named[0]) {
                lines.add(parse(id[0], text.substring(5).trim()));
            }
        });
        return lines;
    }

    /** Follows a running deployment's stream until a line reads {@code text}, then lets go of the stream. */
    static void awaitLine(URI logs, String token, String text) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(logs)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(2))
                .build();
        HttpResponse<java.util.stream.Stream<String>> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> body = response.body()) {
            boolean seen = body.filter(line -> line.startsWith("data:"))
                    .map(line -> parse(-1, line.substring(5).trim()).line())
                    .anyMatch(text::equals);
            if (!seen) {
                throw new AssertionError("the stream ended without the line " + text);
            }
        }
    }

    private static Line parse(long id, String data) {
        try {
            JsonNode node = JSON.readTree(data);
            return new Line(
                    id,
                    node.path("phase").asText(),
                    node.path("stream").asText(),
                    node.path("seq").asLong(),
                    node.path("line").asText());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + data, e);
        }
    }
}
