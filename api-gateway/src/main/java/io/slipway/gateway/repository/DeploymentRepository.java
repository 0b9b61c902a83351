package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.slipway.contract.DeploymentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class DeploymentRepository implements PanacheRepositoryBase<Deployment, String> {

    private static final List<DeploymentStatus> ACTIVE = List.of(DeploymentStatus.QUEUED, DeploymentStatus.RUNNING);

    public List<Deployment> ofApp(String app, int limit) {
        return find("app", Sort.descending("createdAt"), app).page(0, limit).list();
    }

    public List<Deployment> allOfApp(String app) {
        return list("app", app);
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

    /** Removes the app's deployments with their phases, phase changes and log lines. */
    public void deleteOfApp(String app) {
        String ofApp = "in (select d.id from Deployment d where d.app = ?1)";
        getEntityManager()
                .createQuery("delete from LogLine l where l.deploymentId " + ofApp)
                .setParameter(1, app)
                .executeUpdate();
        getEntityManager()
                .createQuery("delete from PhaseChange c where c.deploymentId " + ofApp)
                .setParameter(1, app)
                .executeUpdate();
        getEntityManager()
                .createQuery("delete from DeploymentPhase p where p.deployment.id " + ofApp)
                .setParameter(1, app)
                .executeUpdate();
        delete("app", app);
    }
}
