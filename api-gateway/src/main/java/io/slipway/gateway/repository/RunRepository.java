package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.slipway.contract.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<Run, String> {

    private static final List<RunStatus> ACTIVE = List.of(RunStatus.QUEUED, RunStatus.RUNNING);

    /** Newest first; runs created in the same instant in descending order of id, so that paging is exact. */
    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    /** Newest first, those after {@code after} in that order. */
    public List<Run> ofApp(String app, Optional<Run> after, int limit) {
        PanacheQuery<Run> found = after.isEmpty()
                ? find("app", NEWEST_FIRST, app)
                : find(
                        "app = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3))",
                        NEWEST_FIRST,
                        app,
                        after.get().createdAt(),
                        after.get().id());
        return found.page(0, limit).list();
    }

    /** The app's latest run with this trigger, such as a cron entry's last run. */
    public Optional<Run> latestWithTrigger(String app, String trigger) {
        return find("app = ?1 and trigger = ?2", NEWEST_FIRST, app, trigger).firstResultOptional();
    }

    /** Queued or running. */
    public List<Run> active() {
        return list("status in ?1", ACTIVE);
    }

    /** The run's stored lines after {@code afterSeq}, at most {@code limit}, in order. */
    public List<RunLogLine> linesAfter(String runId, long afterSeq, int limit) {
        return getEntityManager()
                .createQuery("from RunLogLine l where l.runId = ?1 and l.seq > ?2 order by l.seq", RunLogLine.class)
                .setParameter(1, runId)
                .setParameter(2, afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Removes at most {@code limit} of the app's runs with their output.
     *
     * @return how many runs were removed; 0 when none is left
     */
    public int deleteOfApp(String app, int limit) {
        List<String> ids = getEntityManager()
                .createQuery("select r.id from Run r where r.app = ?1", String.class)
                .setParameter(1, app)
                .setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        getEntityManager()
                .createQuery("delete from RunLogLine l where l.runId in ?1")
                .setParameter(1, ids)
                .executeUpdate();
        return getEntityManager()
                .createQuery("delete from Run r where r.id in ?1")
                .setParameter(1, ids)
                .executeUpdate();
    }
}
