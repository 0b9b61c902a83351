package io.slipway.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Optional;

/**
 * How much memory and CPU one container may use.
 *
 * @param memoryBytes the most memory, swap included (a container over it is killed); empty for no limit
 * @param nanoCpus CPU time in billionths of a CPU ({@code 500000000} is half a CPU); empty for no limit
 */
public record Limits(Optional<Long> memoryBytes, Optional<Long> nanoCpus) {

    public static final Limits NONE = new Limits(Optional.empty(), Optional.empty());

    public Limits {
        memoryBytes = memoryBytes == null ? Optional.empty() : memoryBytes;
        nanoCpus = nanoCpus == null ? Optional.empty() : nanoCpus;
    }

    /** Derived, so not part of the message. */
    @JsonIgnore
    public boolean isNone() {
        return memoryBytes.isEmpty() && nanoCpus.isEmpty();
    }
}
