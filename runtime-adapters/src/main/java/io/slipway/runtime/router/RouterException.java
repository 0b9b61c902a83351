package io.slipway.runtime.router;

/** The proxy refused a change or did not answer; the message says which and why. */
public class RouterException extends RuntimeException {

    public RouterException(String message) {
        super(message);
    }

    public RouterException(String message, Throwable cause) {
        super(message, cause);
    }
}
