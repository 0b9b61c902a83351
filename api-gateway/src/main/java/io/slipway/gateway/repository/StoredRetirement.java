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
 *
 * <p>Never changed in place: each report makes a new one, which the deployment keeps ({@link Deployment#retirementDue},
 * {@link Deployment#retired}). Reading a deployment therefore never changes it, so a transaction that only reads one
 * writes nothing back over what another stored meanwhile (its end).
 */
@Embeddable
public class StoredRetirement {

    /** A deployment's before the engine reported any: nothing due, nothing retired. */
    static final StoredRetirement NONE = new StoredRetirement();

    @Column(name = "retire_containers", length = 65536)
    private String containers;

    @Column(name = "retire_due")
    private Instant due;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected StoredRetirement() {}

    private StoredRetirement(String containers, Instant due, Instant retiredAt) {
        this.containers = containers;
        this.due = due;
        this.retiredAt = retiredAt;
    }

    /** Engine ids never hold a comma. */
    static StoredRetirement dueAt(List<String> ids, Instant at) {
        return new StoredRetirement(String.join(",", ids), StoredTime.of(at), null);
    }

    /** This one, retired {@code at}. */
    StoredRetirement retired(Instant at) {
        return new StoredRetirement(containers, due, StoredTime.of(at));
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
