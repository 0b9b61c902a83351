package io.slipway.engine.claim;

/** The gateway did not answer, or answered with something other than a verdict; the message says which. */
public class GatewayUnavailable extends RuntimeException {

    public GatewayUnavailable(String message) {
        super(message);
    }

    public GatewayUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
