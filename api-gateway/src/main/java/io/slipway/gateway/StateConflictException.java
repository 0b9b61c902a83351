package io.slipway.gateway;

/** A request that the current state of an app or deployment does not allow; the REST edge answers 409. */
public class StateConflictException extends RuntimeException {

    public StateConflictException(String message) {
        super(message);
    }
}
