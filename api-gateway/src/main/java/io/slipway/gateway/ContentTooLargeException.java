package io.slipway.gateway;

/** A request whose content exceeds a bound Slipway keeps; the REST edge answers 413. */
public class ContentTooLargeException extends RuntimeException {

    public ContentTooLargeException(String message) {
        super(message);
    }
}
