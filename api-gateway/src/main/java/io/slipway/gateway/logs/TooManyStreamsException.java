package io.slipway.gateway.logs;

/** The gateway serves as many log streams as it may: a new one is refused (503) rather than grow its memory. */
public class TooManyStreamsException extends RuntimeException {

    public TooManyStreamsException(String message) {
        super(message);
    }
}
