package io.slipway.runtime.detect;

import java.util.List;

/**
 * The engines to try for a preference, in order.
 *
 * @param named whether the operator named the one engine to use ({@code DOCKER_HOST} or {@code CONTAINER_HOST}): it is
 *     used or the start fails, never replaced by another
 */
public record EngineSearch(EnginePreference preference, List<EngineCandidate> candidates, boolean named) {

    public EngineSearch {
        candidates = List.copyOf(candidates);
    }

    static EngineSearch named(EnginePreference preference, EngineCandidate candidate) {
        return new EngineSearch(preference, List.of(candidate), true);
    }
}
