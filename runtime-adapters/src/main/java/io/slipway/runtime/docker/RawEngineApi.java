package io.slipway.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls that docker-java has no command for, or sends in a form one engine ignores, made through the
 * same transport. Failures are raised as docker-java's own {@link DockerException} so that
 * {@link EngineErrors} translates them like every other call.
 */
final class RawEngineApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient http;

    RawEngineApi(DockerHttpClient http) {
        this.http = http;
    }

    JsonNode get(String path) {
        return json(
                execute(Request.builder().method(Request.Method.GET).path(path).build()));
    }

    /** The response headers of a {@code GET}, its body read and dropped. */
    Map<String, List<String>> headers(String path) {
        try (DockerHttpClient.Response response = http.execute(
                Request.builder().method(Request.Method.GET).path(path).build())) {
            String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            if (response.getStatusCode() >= 400) {
                throw new DockerException(body, response.getStatusCode());
            }
            return response.getHeaders();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode postJson(String path, String body) {
        return json(execute(Request.builder()
                .method(Request.Method.POST)
                .path(path)
                .putHeader("Content-Type", "application/json")
                .bodyBytes(body.getBytes(StandardCharsets.UTF_8))
                .build()));
    }

    /** Deletes; an absent thing is not an error. */
    void delete(String path) {
        try {
            execute(Request.builder().method(Request.Method.DELETE).path(path).build());
        } catch (DockerException e) {
            if (e.getHttpStatus() != 404) {
                throw e;
            }
        }
    }

    /**
     * Posts a tar stream. The engine answers with a sequence of JSON progress messages, and reports a
     * failure late in the stream as one with an {@code error} field.
     */
    List<JsonNode> postTar(String path, InputStream tar) {
        String answer = execute(Request.builder()
                .method(Request.Method.POST)
                .path(path)
                .putHeader("Content-Type", "application/x-tar")
                .body(tar)
                .build());
        try (MappingIterator<JsonNode> messages = JSON.readerFor(JsonNode.class).readValues(answer)) {
            return messages.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code /v1.41/path?name=value&...} on the Docker-compatible API, at the version docker-java speaks,
     * a name repeated for each of its values as the engines expect.
     */
    static String compatPath(String path, List<Map.Entry<String, String>> query) {
        return query.stream()
                .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&", "/v" + DockerApiConnector.API_VERSION + path + "?", ""));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String execute(Request request) {
        try (DockerHttpClient.Response response = http.execute(request)) {
            String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            if (response.getStatusCode() >= 400) {
                throw new DockerException(body, response.getStatusCode());
            }
            return body.isBlank() ? "{}" : body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
