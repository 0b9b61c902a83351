package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.slipway.contract.DeploymentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class DeploymentRepository implements PanacheRepositoryBase<Deployment, String> {

    private static final List<DeploymentStatus> ACTIVE = List.of(DeploymentStatus.QUEUED, DeploymentStatus.RUNNING);

    /** Newest first; deployments created in the same instant in descending order of id, so that paging is exact. */
    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    public List<Deployment> ofApp(String app, int limit) {
        return find("app", NEWEST_FIRST, app).page(0, limit).list();
    }

    /** Newest first, those after {@code after} in that order. */
    public List<Deployment> ofApp(String app, Optional<Deployment> after, int limit) {
        PanacheQuery<Deployment> found = after.isEmpty()
                ? find("app", NEWEST_FIRST, app)
                : find(
                        "app = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3))",
                        NEWEST_FIRST,
                        app,
                        after.get().createdAt(),
                        after.get().id());
        return found.page(0, limit).list();
    }

    public List<Deployment> allOfApp(String app) {
        return list("app", app);
    }

    /**
     * The deployment with its phases, to be shown: one query, and read only, so the transaction's end has no copy of
     * the rows to compare them with. A status read is the API's most frequent request.
     */
    public Optional<Deployment> toShow(String id) {
        return find("from Deployment d left join fetch d.phases where d.id = ?1", id)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .singleResultOptional();
    }

    public Optional<Deployment> ofApp(String app, String id) {
        return findByIdOptional(id).filter(deployment -> deployment.app().equals(app));
    }

    /** The app's successful deployments, the most recently finished first. */
    public List<Deployment> succeededOfApp(String app) {
        return find("app = ?1 and status = ?2", Sort.descending("finishedAt"), app, DeploymentStatus.SUCCEEDED)
                .list();
    }

    /** Queued or running. */
    public List<Deployment> active() {
        return list("status in ?1", ACTIVE);
    }

    /** Succeeded deployments whose replaced containers are due for retirement and not reported retired. */
    public List<Deployment> retirementsPending() {
        return list(
                "status = ?1 and retirement.due is not null and retirement.retiredAt is null",
                DeploymentStatus.SUCCEEDED);
    }

    /** Whether a deployment of the same app requested before this one is still queued or running. */
    public boolean activeBefore(Deployment deployment) {
        return count(
                        "app = ?1 and status in ?2 and id <> ?3"
                                + " and (createdAt < ?4 or (createdAt = ?4 and id < ?3))",
                        deployment.app(),
                        ACTIVE,
                        deployment.id(),
                        deployment.createdAt())
                > 0;
    }

    /** Claimed by a worker and not ended: what a lost worker leaves behind. */
    public List<Deployment> activeClaimed() {
        return list("status in ?1 and workerId is not null", ACTIVE);
    }

    /** Each app's newest deployment, by app name. */
    public Map<String, Deployment> latestByApp() {
        return list("from Deployment latest where latest.createdAt ="
                        + " (select max(d.createdAt) from Deployment d where d.app = latest.app)")
                .stream()
                .collect(Collectors.toMap(Deployment::app, Function.identity(), (a, b) -> a));
    }

    /** The ids of the app's queued and running deployments. */
    public List<String> activeIdsOfApp(String app) {
        return getEntityManager()
                .createQuery("select d.id from Deployment d where d.app = ?1 and d.status in ?2", String.class)
                .setParameter(1, app)
                .setParameter(2, ACTIVE)
                .getResultList();
    }

    /**
     * Removes at most {@code limit} log lines of the app's deployments: a deployment keeps up to 100 000, so they go
     * in batches of their own, each a short transaction.
     *
     * @return how many were removed; 0 when none is left
     */
    public int deleteLogLinesOfApp(String app, int limit) {
        List<Long> lines = getEntityManager()
                .createQuery(
                        "select l.id from LogLine l where l.deploymentId in"
                                + " (select d.id from Deployment d where d.app = ?1)",
                        Long.class)
                .setParameter(1, app)
                .setMaxResults(limit)
                .getResultList();
        if (lines.isEmpty()) {
            return 0;
        }
        return getEntityManager()
                .createQuery("delete from LogLine l where l.id in ?1")
                .setParameter(1, lines)
                .executeUpdate();
    }

    /**
     * Removes at most {@code limit} of the app's deployments with their phases, phase changes and the log lines that
     * came after {@link #deleteLogLinesOfApp}.
     *
     * @return the ids of those removed; empty when none is left
     */
    public List<String> deleteOfApp(String app, int limit) {
        List<String> ids = lockedOfApp(app, limit);
        if (ids.isEmpty()) {
            return ids;
        }
        for (String ofThem : List.of(
                "delete from LogLine l where l.deploymentId in ?1",
                "delete from PhaseChange c where c.deploymentId in ?1",
                "delete from DeploymentPhase p where p.deployment.id in ?1",
                "delete from Deployment d where d.id in ?1")) {
            getEntityManager().createQuery(ofThem).setParameter(1, ids).executeUpdate();
        }
        return ids;
    }

    /**
     * The ids of at most {@code limit} of the app's deployments, their rows locked until the transaction ends. The
     * event store locks a deployment's row before it adds its lines (a succeeded deployment still takes its
     * retirement's lines after its end), so none is added between the removal of its lines and its own.
     */
    public List<String> lockedOfApp(String app, int limit) {
        return getEntityManager()
                .createQuery("select d from Deployment d where d.app = ?1", Deployment.class)
                .setParameter(1, app)
                .setMaxResults(limit)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .stream()
                .map(Deployment::id)
                .toList();
    }
}
