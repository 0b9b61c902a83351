package io.slipway.gateway;

/** The engine could not be told (its channel refused the command); the REST edge answers 503. */
public class CommandNotSentException extends RuntimeException {

    public CommandNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
