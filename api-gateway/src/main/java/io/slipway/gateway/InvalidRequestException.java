package io.slipway.gateway;

/** A request that is well-formed but asks for something Slipway will not do; the REST edge answers 422. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
