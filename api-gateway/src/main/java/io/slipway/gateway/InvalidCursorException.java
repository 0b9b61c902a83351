package io.slipway.gateway;

/** A {@code before} that names no item of the list: a 400, as a malformed query is. */
public class InvalidCursorException extends RuntimeException {

    public InvalidCursorException(String before) {
        super("before: " + before + " is no item of this list (take the next page's cursor from the Link header)");
    }
}
