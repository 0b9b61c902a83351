package io.slipway.gateway.service;

import io.quarkus.runtime.StartupEvent;
import io.slipway.gateway.CommandNotSentException;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.cron.CronEntries;
import io.slipway.gateway.messaging.EngineCommands;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.DeploymentRepository;
import io.slipway.gateway.repository.RunRepository;
import io.slipway.gateway.repository.WebhookDelivery;
import io.slipway.gateway.repository.WebhookDeliveryRepository;
import io.slipway.gateway.webhook.WebhookService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Deletes an app. It is gone from the API at once ({@link AppRepository#findByIdOptional}), its queued and running
 * deployments are cancelled, and the engine is asked to remove its containers and the images Slipway made for it.
 * Its rows are forgotten in batches, each a short transaction, so that thousands of deployments and millions of log
 * lines never hold one transaction open; its name stays taken until the last one is gone. The answer waits up to
 * {@code slipway.gateway.app-deletion-wait} for the engine to report the app's process containers gone (the
 * embedded engine's listing, or a worker's report) and for the rows to be forgotten; what is not done by then
 * goes on, and the answer says so. A deletion the gateway was stopped in goes on when it starts again.
 */
@ApplicationScoped
public class AppDeletion {

    /** What became of a deletion when its answer was due. */
    public enum Outcome {
        NO_SUCH_APP,
        DELETED,
        CONTINUES
    }

    private static final Logger LOG = Logger.getLogger(AppDeletion.class);

    private static final int LOG_LINES_PER_BATCH = 10_000;
    private static final int DEPLOYMENTS_PER_BATCH = 100;
    private static final int DELIVERIES_PER_BATCH = 100;
    /** One at a time: a run keeps up to as many lines of output as a deployment. */
    private static final int RUNS_PER_BATCH = 1;

    private static final Duration ENGINE_POLL = Duration.ofMillis(200);

    private final AppRepository apps;
    private final DeploymentRepository deployments;
    private final WebhookDeliveryRepository deliveries;
    private final RunRepository runs;
    private final WebhookService webhooks;
    private final EngineCommands engine;
    private final BuildContexts contexts;
    private final StoredProcesses processes;
    private final CronEntries cron;
    private final ManagedExecutor executor;
    private final AppViewChanges changes;
    private final Duration wait;

    public AppDeletion(
            AppRepository apps,
            DeploymentRepository deployments,
            WebhookDeliveryRepository deliveries,
            RunRepository runs,
            WebhookService webhooks,
            EngineCommands engine,
            BuildContexts contexts,
            StoredProcesses processes,
            CronEntries cron,
            ManagedExecutor executor,
            AppViewChanges changes,
            GatewayConfig config) {
        this.apps = apps;
        this.deployments = deployments;
        this.deliveries = deliveries;
        this.runs = runs;
        this.webhooks = webhooks;
        this.engine = engine;
        this.contexts = contexts;
        this.processes = processes;
        this.cron = cron;
        this.executor = executor;
        this.changes = changes;
        this.wait = config.gateway().appDeletionWait();
    }

    /**
     * @throws CommandNotSentException when the engine's channel refused the deletion: the app is back, untouched
     *     but for the deployments whose cancel went out
     */
    public Outcome delete(String name) {
        Optional<List<String>> active = start(name);
        if (active.isEmpty()) {
            return Outcome.NO_SUCH_APP;
        }
        try {
            active.get().forEach(id -> engine.cancel(name, id));
            engine.deleteApp(name);
        } catch (CommandNotSentException e) {
            abandon(name);
            throw e;
        }
        CompletableFuture<Void> forgotten = executor.runAsync(() -> forget(name));
        long deadline = System.nanoTime() + wait.toNanos();
        boolean containersGone = awaitContainersGone(name, deadline);
        boolean rowsGone = awaitUntil(forgotten, deadline);
        return containersGone && rowsGone ? Outcome.DELETED : Outcome.CONTINUES;
    }

    /** Makes the app invisible. @return its queued and running deployments; empty when there is no such app */
    @Transactional
    Optional<List<String>> start(String name) {
        return apps.findByIdOptional(name).map(app -> {
            app.startRemoval(Instant.now());
            return deployments.activeIdsOfApp(name);
        });
    }

    @Transactional
    void abandon(String name) {
        apps.findIncludingRemoved(name).ifPresent(App::stopRemoval);
    }

    private boolean awaitContainersGone(String name, long deadline) {
        while (!processes.current().of(name).isEmpty()) {
            if (System.nanoTime() > deadline || !pause()) {
                return false;
            }
        }
        return true;
    }

    private static boolean awaitUntil(CompletableFuture<Void> work, long deadline) {
        try {
            work.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            // Logged by forget; the rows are forgotten at the next start.
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return false when interrupted, the flag set again */
    private static boolean pause() {
        try {
            Thread.sleep(ENGINE_POLL.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Resumes the deletions a previous run did not finish; their engine commands went out then. */
    void onStart(@Observes StartupEvent start) {
        List<String> unfinished = unfinished();
        if (!unfinished.isEmpty()) {
            LOG.infof("Finishing the deletion of %d app(s) the previous run started", unfinished.size());
            executor.runAsync(() -> unfinished.forEach(this::forget));
        }
    }

    @Transactional
    List<String> unfinished() {
        return apps.beingRemoved();
    }

    /**
     * Log lines first (the most rows), then deployments, webhook deliveries, runs, cron entries and firings, and last
     * the app itself.
     */
    void forget(String name) {
        try {
            forgetRelease(name);
            int removed;
            do {
                removed = forgetLogLines(name);
            } while (removed > 0);
            for (List<String> gone = forgetDeployments(name); !gone.isEmpty(); gone = forgetDeployments(name)) {
                // A bulk delete passes Hibernate's interceptor by: said here, once it is committed, for what is kept.
                changes.ended();
                gone.forEach(contexts::delete);
            }
            do {
                removed = forgetDeliveries(name);
            } while (removed > 0);
            do {
                removed = forgetRuns(name);
            } while (removed > 0);
            cron.forgetApp(name);
            forgetApp(name);
        } catch (RuntimeException e) {
            LOG.errorf("Deleting the rows of app %s stopped, to go on at the next start: %s", name, e.getMessage());
            throw e;
        }
    }

    /** So that its deployments can go: none of them is the app's release any more. */
    @Transactional
    void forgetRelease(String name) {
        apps.findIncludingRemoved(name).ifPresent(App::forgetRelease);
    }

    @Transactional
    int forgetLogLines(String name) {
        return deployments.deleteLogLinesOfApp(name, LOG_LINES_PER_BATCH);
    }

    @Transactional
    List<String> forgetDeployments(String name) {
        return deployments.deleteOfApp(name, DEPLOYMENTS_PER_BATCH);
    }

    @Transactional
    int forgetRuns(String name) {
        return runs.deleteOfApp(name, RUNS_PER_BATCH);
    }

    /** One by one: their attempts are an element collection, which a bulk delete would not remove. */
    @Transactional
    int forgetDeliveries(String name) {
        List<WebhookDelivery> batch =
                deliveries.find("app", name).page(0, DELIVERIES_PER_BATCH).list();
        batch.forEach(deliveries::delete);
        return batch.size();
    }

    @Transactional
    void forgetApp(String name) {
        apps.findIncludingRemoved(name).ifPresent(app -> {
            webhooks.forgetApp(name);
            apps.delete(app);
        });
    }
}
