package io.slipway.gateway;

/** A request whose field holds a value outside its bounds; the REST edge answers 400, naming the field. */
public class InvalidFieldException extends RuntimeException {

    public InvalidFieldException(String field, String message) {
        super(field + ": " + message);
    }
}
