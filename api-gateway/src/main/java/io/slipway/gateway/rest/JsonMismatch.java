package io.slipway.gateway.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Map;
import java.util.stream.Collectors;

/** Says which field of a request body has the wrong JSON type, in the API's words rather than Java's. */
final class JsonMismatch {

    private JsonMismatch() {}

    /** For example {@code name: expected a string}; the body itself when the mismatch is at its top. */
    static String describe(MismatchedInputException e) {
        String field = field(e);
        String where = field.isEmpty() ? "the body" : field;
        if (e.getTargetType() == null) {
            return where + ": not the JSON expected: " + e.getOriginalMessage();
        }
        return where + ": expected " + expected(e.getTargetType());
    }

    /** The path of the value: {@code name}, {@code web}, {@code items[2].id}. */
    private static String field(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return type.getSimpleName();
    }
}
