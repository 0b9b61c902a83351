package io.slipway.gateway.service;

import io.quarkus.arc.Unremovable;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.WorkerApi.Claim;
import io.slipway.engine.pipeline.SetupMarks;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the mark that an app's one-time setup task ran, on the app's row: a deployment's engine asks for it right
 * before the task would start, and the task starts only once the mark is committed as that deployment's. Decided with
 * the app's row locked, so that of two deployments that both saw no mark when they were queued, only the first to ask
 * runs the task. The embedded engine asks in process (this bean is its {@link SetupMarks}); a remote worker asks over
 * the worker API ({@code POST /api/v1/worker/deployments/{id}/setup}).
 */
@ApplicationScoped
@Unremovable
public class AppSetupMarks implements SetupMarks {

    /** Why a deployment does not run the setup task: as the phase's skip reason says it. */
    static final String RAN = "runs once per app";

    private final AppRepository apps;
    private final DeploymentRepository deployments;

    public AppSetupMarks(AppRepository apps, DeploymentRepository deployments) {
        this.apps = apps;
        this.deployments = deployments;
    }

    @Override
    @Transactional
    public boolean mark(DeploymentOrder order) {
        return decide(order.deploymentId(), Optional.empty()).verdict() == Claim.Verdict.GRANTED;
    }

    /** A remote worker's question: only the worker that claimed the deployment may run its setup task. */
    @Transactional
    public Claim mark(String deploymentId, String workerId) {
        return decide(deploymentId, Optional.of(workerId));
    }

    private Claim decide(String deploymentId, Optional<String> workerId) {
        Deployment found = deployments.findById(deploymentId);
        if (found == null) {
            return refused("no such deployment");
        }
        App app = apps.findById(found.app(), LockModeType.PESSIMISTIC_WRITE);
        if (app == null) {
            return refused("its app was deleted");
        }
        Deployment deployment = deployments.findById(deploymentId, LockModeType.PESSIMISTIC_WRITE);
        if (!deployment.isActive()) {
            return refused("it has ended (" + deployment.status() + ")");
        }
        if (workerId.isPresent() && !deployment.workerId().equals(workerId)) {
            return refused("it is not this worker's");
        }
        if (app.setupRan()) {
            // The same deployment asking again (its first answer was lost) already holds the mark: nothing ran yet.
            return app.setupDeploymentId().equals(Optional.of(deploymentId))
                    ? new Claim(Claim.Verdict.GRANTED, null)
                    : refused(RAN);
        }
        app.markSetup(deploymentId, Instant.now());
        return new Claim(Claim.Verdict.GRANTED, null);
    }

    private static Claim refused(String reason) {
        return new Claim(Claim.Verdict.REFUSED, reason);
    }
}
