package io.slipway.gateway.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The retirement of the containers a succeeded deployment's release replaced, as the engine reported it: which (their
 * engine ids) and when they are due, so that a retirement a restart cut short can be asked for again, then when they
 * were retired.
 */
@Embeddable
public class StoredRetirement {

    @Column(name = "retire_containers", length = 65536)
    private String containers;

    @Column(name = "retire_due")
    private Instant due;

    @Column(name = "retired_at")
    private Instant retiredAt;

    /** Engine ids never hold a comma. */
    public void dueAt(List<String> ids, Instant at) {
        containers = String.join(",", ids);
        due = StoredTime.of(at);
    }

    public void retired(Instant at) {
        retiredAt = StoredTime.of(at);
    }

    /** Reported due, and not reported retired yet. */
    public boolean isPending() {
        return due != null && retiredAt == null;
    }

    public List<String> containers() {
        return containers == null || containers.isEmpty() ? List.of() : List.of(containers.split(","));
    }

    public Optional<Instant> due() {
        return Optional.ofNullable(due);
    }

    public Optional<Instant> retiredAt() {
        return Optional.ofNullable(retiredAt);
    }
}
