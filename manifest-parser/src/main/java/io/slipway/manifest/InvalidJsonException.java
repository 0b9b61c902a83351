package io.slipway.manifest;

/** The text is not JSON (with comments and trailing commas) at {@link #position()}. */
final class InvalidJsonException extends Exception {

    private final transient Position position;

    InvalidJsonException(Position position, String message) {
        super(message);
        this.position = position;
    }

    Position position() {
        return position;
    }
}
