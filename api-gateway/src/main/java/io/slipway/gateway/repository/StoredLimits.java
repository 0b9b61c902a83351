package io.slipway.gateway.repository;

import io.slipway.runtime.ResourceLimits;
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

    StoredLimits(ResourceLimits limits) {
        this.memoryBytes = limits.memoryBytes().orElse(null);
        this.nanoCpus = limits.nanoCpus().orElse(null);
    }

    ResourceLimits limits() {
        return new ResourceLimits(Optional.ofNullable(memoryBytes), Optional.ofNullable(nanoCpus));
    }
}
