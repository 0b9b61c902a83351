package io.slipway.runtime.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls the engine's own words out of docker-java's exception texts.
 *
 * <p>docker-java reports an HTTP error as {@code Status 404: {"message":"No such image: x"}}
 * (Docker) or {@code Status 404: {"cause":"...","message":"...","response":404}} (Podman);
 * callers should read only the {@code message}.
 */
final class EngineMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATUS_PREFIX = Pattern.compile("^Status (\\d{3}):");

    private EngineMessages() {}

    static String of(String exceptionText) {
        if (exceptionText == null || exceptionText.isBlank()) {
            return "the engine gave no message";
        }
        Matcher status = STATUS_PREFIX.matcher(exceptionText.strip());
        String text = status.replaceFirst("").strip();
        if (text.isEmpty()) {
            // An error answer with an empty body, as Podman gives for a build context that is no tar.
            return status.reset().find()
                    ? "HTTP " + status.group(1) + " without a message"
                    : "the engine gave no message";
        }
        int json = text.indexOf('{');
        if (json < 0) {
            return text;
        }
        try {
            JsonNode message = JSON.readTree(text.substring(json)).path("message");
            return message.isTextual() && !message.asText().isBlank()
                    ? message.asText().strip()
                    : text;
        } catch (JsonProcessingException notJson) {
            return text;
        }
    }
}
