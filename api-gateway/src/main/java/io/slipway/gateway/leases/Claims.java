package io.slipway.gateway.leases;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.WorkerApi.Claim;
import io.slipway.contract.WorkerApi.ClaimRequest;
import io.slipway.gateway.InvalidRequestException;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentRepository;
import io.slipway.gateway.repository.WorkerRecord;
import io.slipway.gateway.service.DeploymentEventLanes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Decides whether a worker may run a deployment now. One decision at a time per app, in one transaction with the
 * app's row locked, so that of two workers that received the same deployment (a redelivery, a replay, a rebalance)
 * exactly one is granted it, and an app's deployments run one at a time in the order they were requested.
 */
@ApplicationScoped
public class Claims {

    /** The reason of a deployment cancelled before any worker claimed it. */
    public static final String CANCELLED_UNCLAIMED = "cancelled before a worker claimed it";

    private final AppRepository apps;
    private final DeploymentRepository deployments;
    private final DeploymentEventLanes events;

    public Claims(AppRepository apps, DeploymentRepository deployments, DeploymentEventLanes events) {
        this.apps = apps;
        this.deployments = deployments;
        this.events = events;
    }

    /** The asking worker's id, checked as every question of a worker is. */
    public static String workerId(ClaimRequest request) {
        if (request == null || request.workerId() == null || request.workerId().isBlank()) {
            throw new InvalidRequestException("workerId: the claiming worker's id is required");
        }
        if (request.workerId().length() > WorkerRecord.MAX_ID_LENGTH) {
            throw new InvalidRequestException("workerId: at most " + WorkerRecord.MAX_ID_LENGTH + " characters");
        }
        return request.workerId();
    }

    @Transactional
    public Claim claim(String deploymentId, ClaimRequest request) {
        workerId(request);
        Deployment found = deployments.findById(deploymentId);
        if (found == null) {
            return refused("no such deployment (its app may have been deleted)");
        }
        App app = apps.findById(found.app(), LockModeType.PESSIMISTIC_WRITE);
        if (app == null) {
            return refused("its app was deleted");
        }
        // Read again under the app's lock: another claim may have taken it meanwhile.
        Deployment deployment = deployments.findById(deploymentId, LockModeType.PESSIMISTIC_WRITE);
        if (!deployment.isActive()) {
            return refused("it has ended (" + deployment.status() + ")");
        }
        if (deployment.workerId().isPresent()) {
            return refused("it was claimed already");
        }
        if (request.pool() != null && !request.pool().equals(app.pool())) {
            return refused("its app belongs to pool " + app.pool() + ", not " + request.pool());
        }
        if (deployments.activeBefore(deployment)) {
            return new Claim(
                    Claim.Verdict.WAIT, "a deployment of " + app.name() + " requested before it has not ended");
        }
        deployment.claimBy(request.workerId(), Instant.now());
        return new Claim(Claim.Verdict.GRANTED, null);
    }

    /**
     * Ends a deployment no worker has claimed yet {@code CANCELLED} at once, decided under the same lock as the claims:
     * it may wait in a pool no worker serves now, and a worker that receives it later is refused it. One that a worker
     * claimed is that worker's to cancel.
     *
     * @return whether it was cancelled here
     */
    @Transactional
    public boolean cancelUnclaimed(String deploymentId) {
        Deployment found = deployments.findById(deploymentId);
        if (found == null || apps.findById(found.app(), LockModeType.PESSIMISTIC_WRITE) == null) {
            return false;
        }
        Deployment deployment = deployments.findById(deploymentId, LockModeType.PESSIMISTIC_WRITE);
        if (!deployment.isActive() || deployment.workerId().isPresent()) {
            return false;
        }
        return !events.applyNow(List.of(new DeploymentEvent.Finished(
                        deploymentId,
                        deployment.app(),
                        deployment.lastEventSeq() + 1,
                        Instant.now(),
                        DeploymentStatus.CANCELLED,
                        CANCELLED_UNCLAIMED,
                        null)))
                .isEmpty();
    }

    private static Claim refused(String reason) {
        return new Claim(Claim.Verdict.REFUSED, reason);
    }
}
