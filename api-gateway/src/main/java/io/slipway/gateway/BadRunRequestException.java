package io.slipway.gateway;

/** A run request out of its bounds ({@link RunRequestCheck}); the REST edge answers 400 naming the field. */
public class BadRunRequestException extends RuntimeException {

    public BadRunRequestException(String message) {
        super(message);
    }
}
