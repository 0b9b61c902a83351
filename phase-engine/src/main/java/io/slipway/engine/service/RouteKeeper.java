package io.slipway.engine.service;

import io.slipway.engine.pipeline.CurrentRoutes;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.router.Router;
import io.slipway.runtime.router.RouterException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps the router holding every app's route: at start it gives the router the routes the engine shows
 * (after the leftover sweep, so only current releases), and then asks every few seconds whether the proxy
 * still has them, writing them all again when it lost them (a restarted Caddy starts empty).
 */
@Singleton
public class RouteKeeper {

    private static final Logger LOG = Logger.getLogger(RouteKeeper.class);
    private static final long CHECK_SECONDS = 5;

    private final Router router;
    private final ContainerRuntime runtime;
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "slipway-route-keeper");
        thread.setDaemon(true);
        return thread;
    });

    RouteKeeper(Router router, ContainerRuntime runtime) {
        this.router = router;
        this.runtime = runtime;
    }

    /** Called by {@link EngineStartup} after the leftover sweep, so only current releases are routed. */
    void start() {
        LOG.infof("Router: %s", router.describe());
        try {
            router.restore(new CurrentRoutes(runtime).read());
        } catch (RouterException | ContainerRuntimeException e) {
            LOG.warnf("Routes not applied yet (tried again every %d s): %s", CHECK_SECONDS, e.getMessage());
        }
        watch.scheduleWithFixedDelay(this::reapplyIfLost, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    private void reapplyIfLost() {
        try {
            if (router.reapplyIfLost()) {
                LOG.info("The router had lost its routes; every app's route was applied again");
            }
        } catch (RouterException e) {
            LOG.debugf("Router not reachable: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        watch.shutdownNow();
    }
}
