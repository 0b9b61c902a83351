package io.slipway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** Slipway's REST API as the benchmarks use it: plain HTTP on loopback with the bench token. */
final class SlipwayApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(5);

    private final URI base;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SlipwayApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    HttpClient http() {
        return http;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    HttpRequest get(String path) {
        return request(path).timeout(CALL_TIMEOUT).GET().build();
    }

    void createApp(String name) {
        HttpResponse<String> response = send(request("/api/v1/apps")
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(body(Map.of("name", name)))
                .build());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("create " + name + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** @return the new deployment's id */
    String deployImage(String app, String image) {
        HttpResponse<String> response = send(request("/api/v1/apps/" + app + "/deployments")
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(body(Map.of("image", image)))
                .build());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("deploy " + app + ": " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).path("id").asText();
    }

    JsonNode deployment(String id) {
        return read(send(get("/api/v1/deployments/" + id)).body());
    }

    /**
     * Follows a deployment's log stream until the deployment ends (the stream closes then), handing
     * each log line's text to {@code lines} as it arrives.
     *
     * @return the deployment as it ended
     */
    JsonNode follow(String id, Consumer<String> lines) {
        HttpRequest request = request("/api/v1/deployments/" + id + "/logs")
                .timeout(DEPLOY_TIMEOUT)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("logs of " + id + ": " + response.statusCode());
            }
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("data:")) {
                        JsonNode event = read(line.substring(5).trim());
                        if (event.has("line")) {
                            lines.accept(event.path("line").asText());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        JsonNode ended = deployment(id);
        if (!ended.path("finishedAt").isTextual()) {
            throw new IllegalStateException("the log stream of " + id + " ended before the deployment");
        }
        return ended;
    }

    /** Deploys and waits for the end; a deployment that does not succeed stops the benchmark. */
    JsonNode deploySucceeding(String app, String image) {
        JsonNode ended = follow(deployImage(app, image), line -> {});
        if (!"SUCCEEDED".equals(ended.path("status").asText())) {
            throw new IllegalStateException(
                    "deployment of " + app + " ended " + ended.path("status") + ": " + ended.path("reason"));
        }
        return ended;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
