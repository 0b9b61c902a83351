package io.slipway.gateway.repository;

import io.slipway.contract.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Optional;

/** One process type's limits as stored; null columns are no limit. */
@Embeddable
public class StoredLimits {

    @Column(name = "memory_bytes")
    private Long memoryBytes;

    @Column(name = "nano_cpus")
    private Long nanoCpus;

    protected StoredLimits() {}

    StoredLimits(Limits limits) {
        this.memoryBytes = limits.memoryBytes().orElse(null);
        this.nanoCpus = limits.nanoCpus().orElse(null);
    }

    Limits limits() {
        return new Limits(Optional.ofNullable(memoryBytes), Optional.ofNullable(nanoCpus));
    }
}
