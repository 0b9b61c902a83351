package io.slipway.gateway.rest;

import jakarta.ws.rs.BadRequestException;
import java.util.Optional;

/**
 * Whole numbers in query parameters, read here rather than by JAX-RS, which answers a parameter it cannot convert
 * with 404 as if the resource did not exist. A value that is no number is a 400 problem naming the parameter.
 */
final class QueryNumbers {

    private QueryNumbers() {}

    /** Empty when the parameter is absent. */
    static Optional<Long> wholeNumber(String parameter, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new BadRequestException(parameter + ": not a whole number: " + value);
        }
    }
}
