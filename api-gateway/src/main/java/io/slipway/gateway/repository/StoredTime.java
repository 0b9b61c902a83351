package io.slipway.gateway.repository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Both databases keep microseconds: entities keep no more, so a fresh entity shows what a reload will. */
final class StoredTime {

    private StoredTime() {}

    static Instant of(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }
}
