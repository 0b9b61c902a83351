package io.slipway.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A console client's text frame: {@code {"resize": {"cols": 80, "rows": 24}}}. */
record ConsoleResize(int cols, int rows) {

    /** Far beyond any screen; a TTY's size is two 16-bit numbers. */
    static final int MAX = 1000;

    /** Far beyond a resize's length: a longer frame is not parsed. */
    private static final int MAX_MESSAGE = 1024;

    /** @throws BadMessage naming the field that is wrong */
    static ConsoleResize parse(ObjectMapper json, String message) throws BadMessage {
        if (message.length() > MAX_MESSAGE) {
            throw new BadMessage("message: at most " + MAX_MESSAGE + " characters");
        }
        JsonNode resize;
        try {
            resize = json.readTree(message).path("resize");
        } catch (JsonProcessingException e) {
            throw new BadMessage("message: not JSON");
        }
        if (!resize.isObject()) {
            throw new BadMessage("resize: an object with cols and rows is required");
        }
        return new ConsoleResize(size(resize, "cols"), size(resize, "rows"));
    }

    private static int size(JsonNode resize, String field) throws BadMessage {
        JsonNode value = resize.path(field);
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1 || value.intValue() > MAX) {
            throw new BadMessage("resize." + field + ": a whole number from 1 to " + MAX);
        }
        return value.intValue();
    }

    /** A text frame that is no resize. */
    static final class BadMessage extends Exception {
        BadMessage(String message) {
            super(message);
        }
    }
}
