package io.slipway.manifest;

import java.util.Optional;

/**
 * How many containers one process type may run. The one rule for every place a quantity comes in: app.json's
 * {@code formation}, the API's formation, and the plan the engine starts from them. It bounds the work any input can
 * cause: a quantity is a number of containers to create.
 *
 * @param perType the largest quantity of one process type; at least 1
 */
public record ProcessLimit(int perType) {

    /** The bound when none is configured. */
    public static final ProcessLimit DEFAULT = new ProcessLimit(100);

    public ProcessLimit {
        if (perType < 1) {
            throw new IllegalArgumentException("the process limit per type must be at least 1, not " + perType);
        }
    }

    /** Why {@code quantity} containers of one type are refused; empty when they are within the limit. */
    public Optional<String> problem(long quantity) {
        return quantity > perType
                ? Optional.of("at most " + perType + " containers per process type, not " + quantity)
                : Optional.empty();
    }
}
