package io.slipway.gateway.service;

import io.quarkus.runtime.StartupEvent;
import io.slipway.contract.DeployCommand;
import io.slipway.gateway.CommandNotSentException;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.messaging.EngineCommands;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * At start-up, settles the deployments a previous run left queued or running: the embedded engine's
 * queues and lanes lived in that process's memory, so no event will ever finish them by itself. The
 * engine is asked to recover each one from what it shows: a deployment whose release switch had
 * happened (its containers run the app's {@code current} image) ends {@code SUCCEEDED} and becomes the
 * current release; any other ends {@code FAILED} with reason {@value Deployment#INTERRUPTED} and what
 * it left is removed. So the recorded current release is always the one that runs. A succeeded deployment whose
 * replaced containers were not reported retired has them retired (at their due time, at once if it passed). Build
 * contexts of
 * the previous run are removed. A deployment the engine cannot be asked about is marked interrupted here.
 *
 * <p>Not in remote mode: there the workers, not this process, run the deployments, and a gateway restart ends
 * none of them; a worker that dies loses its lease instead ({@link io.slipway.gateway.leases.LostWorkers}), and
 * build contexts stay until their deployment ends.
 */
@ApplicationScoped
public class InterruptedDeployments {

    private static final Logger LOG = Logger.getLogger(InterruptedDeployments.class);

    private final DeploymentRepository deployments;
    private final BuildContexts contexts;
    private final EngineCommands engine;
    private final ManagedExecutor executor;
    private final boolean remote;

    public InterruptedDeployments(
            DeploymentRepository deployments,
            BuildContexts contexts,
            EngineCommands engine,
            ManagedExecutor executor,
            GatewayConfig config) {
        this.remote = config.engine().isRemote();
        this.deployments = deployments;
        this.contexts = contexts;
        this.engine = engine;
        this.executor = executor;
    }

    /** Off the start-up thread: each command waits for the channel's acknowledgement. */
    void onStart(@Observes StartupEvent start) {
        if (remote) {
            return;
        }
        contexts.deleteAll();
        executor.runAsync(this::recoverAll);
    }

    /** @return how many deployments the engine was asked to recover */
    public int recoverAll() {
        retireWhatWasDue();
        List<Left> left = unfinished();
        if (left.isEmpty()) {
            return 0;
        }
        LOG.warnf("%d deployment(s) left queued or running by the previous run: recovering them", left.size());
        int asked = 0;
        for (Left deployment : left) {
            try {
                engine.recover(deployment.app(), deployment.id(), deployment.lastSeq());
                asked++;
            } catch (CommandNotSentException e) {
                LOG.warnf(
                        "Deployment %s could not be recovered (%s): marked interrupted",
                        deployment.id(), e.getMessage());
                interrupt(deployment.id());
            }
        }
        return asked;
    }

    /**
     * Succeeded deployments end before the containers they replaced are retired; the previous run's engine kept those
     * retirements in memory. Asked first, so the app's later commands find them pending.
     */
    void retireWhatWasDue() {
        for (DeployCommand.Retire retire : retirementsDue()) {
            try {
                engine.retire(retire);
            } catch (CommandNotSentException e) {
                // The app's next deployment retires every container that is not its own.
                LOG.warnf("Retirement of what %s replaced not asked for: %s", retire.deploymentId(), e.getMessage());
            }
        }
    }

    @Transactional
    List<DeployCommand.Retire> retirementsDue() {
        return deployments.retirementsPending().stream()
                .map(deployment -> new DeployCommand.Retire(
                        deployment.app(),
                        deployment.id(),
                        deployment.retirement().containers(),
                        deployment.retirement().due().orElseThrow(),
                        deployment.lastEventSeq()))
                .toList();
    }

    private record Left(String app, String id, long lastSeq) {}

    @Transactional
    List<Left> unfinished() {
        return deployments.active().stream()
                .map(deployment -> new Left(deployment.app(), deployment.id(), deployment.lastEventSeq()))
                .toList();
    }

    @Transactional
    void interrupt(String id) {
        deployments.findByIdOptional(id).ifPresent(deployment -> deployment.interrupt(Instant.now()));
    }
}
