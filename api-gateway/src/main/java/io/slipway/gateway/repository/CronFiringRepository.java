package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class CronFiringRepository implements PanacheRepositoryBase<CronFiring, Long> {

    /** The claims of one firing: at most one, by the table's unique key. */
    public List<CronFiring> of(String app, String entryId, Instant scheduledAt) {
        return list("app = ?1 and entryId = ?2 and scheduledAt = ?3", app, entryId, StoredTime.of(scheduledAt));
    }

    /** Keeps the table to the recent firings: a claim only matters while its firing may still be seen. */
    public long deleteClaimedBefore(Instant before) {
        return delete("claimedAt < ?1", before);
    }

    public long deleteOfApp(String app) {
        return delete("app", app);
    }
}
