package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, String> {

    /** What a query of the log asks for; each filter is optional. */
    public record Filter(Optional<String> app, Optional<String> actor, Optional<Instant> since) {}

    /** Newest first, those after {@code after} in that order; the same instant in descending order of id. */
    public List<AuditEntry> newestFirst(Filter filter, Optional<AuditEntry> after, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        filter.app().ifPresent(app -> {
            query.append(" and app = :app");
            parameters.and("app", app);
        });
        filter.actor().ifPresent(actor -> {
            query.append(" and actor = :actor");
            parameters.and("actor", actor);
        });
        filter.since().ifPresent(since -> {
            query.append(" and at >= :since");
            parameters.and("since", since);
        });
        after.ifPresent(cursor -> {
            query.append(" and (at < :cursorAt or (at = :cursorAt and id < :cursorId))");
            parameters.and("cursorAt", cursor.at()).and("cursorId", cursor.id());
        });
        return find(query.toString(), Sort.descending("at", "id"), parameters)
                .range(0, limit - 1)
                .list();
    }

    /** Removes what is older than {@code before}; returns how many. */
    public long deleteOlderThan(Instant before) {
        return delete("at < ?1", before);
    }
}
