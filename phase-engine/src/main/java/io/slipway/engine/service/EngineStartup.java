package io.slipway.engine.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.slipway.contract.Channels;
import io.slipway.contract.WorkerStatus;
import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.config.EngineRole;
import io.slipway.engine.pipeline.LeftoverSweeper;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.EngineUnavailableException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What the engine does as its process starts, by its {@link EngineRole}: idle, nothing at all (no engine
 * socket is opened, no bean that needs one is created); else connect to the engine, remove what a crash left
 * (only the embedded engine, which knows that no deployment of its engine runs elsewhere), keep the router's
 * routes, and start the reports to the gateway: a distributed worker's through the broker, an embedded engine's in
 * process (only where a gateway observes them). Where the engine is embedded, all but the connection runs in the
 * background, so the HTTP port opens without waiting for it ({@link EngineStart}).
 */
@Singleton
public class EngineStartup {

    private static final Logger LOG = Logger.getLogger(EngineStartup.class);

    /** A report of the kind a gateway that embeds the engine observes; only its type matters. */
    private static final WorkerStatus EMBEDDED_REPORT = new WorkerStatus(
            WorkerStatus.EMBEDDED_WORKER, Channels.DEFAULT_POOL, "", Instant.EPOCH, List.of(), List.of(), null, null);

    // Static: observing the start creates no bean of this module until the role says so.
    static void start(
            @Observes StartupEvent start,
            EngineConfig config,
            Instance<ContainerRuntime> runtime,
            Instance<LeftoverSweeper> sweeper,
            Instance<RouteKeeper> routeKeeper,
            Instance<WorkerHeartbeat> heartbeat,
            Instance<EmbeddedReports> embeddedReports,
            BeanManager beans,
            Instance<GatewayLink> gateway,
            EngineStart started) {
        EngineRole role = EngineRole.of(config);
        if (role == EngineRole.IDLE) {
            LOG.info("Engine: remote (the gateway runs no engine; workers of its pools deploy)");
            started.finish();
            return;
        }
        connect(runtime);
        if (role == EngineRole.DISTRIBUTED) {
            gateway.get();
            routeKeeper.get().start();
            heartbeat.get().start();
            started.finish();
            return;
        }
        // Embedded: the gateway opens its port meanwhile; its readiness and the engine's commands wait for this.
        RouteKeeper routes = routeKeeper.get();
        Optional<EmbeddedReports> reports =
                beans.resolveObserverMethods(EMBEDDED_REPORT).isEmpty()
                        ? Optional.empty()
                        : Optional.of(embeddedReports.get());
        Optional<LeftoverSweeper> leftovers =
                config.pipeline().removeLeftoversOnStart() ? Optional.of(sweeper.get()) : Optional.empty();
        DaemonThreads.named("slipway-engine-start")
                .newThread(() -> {
                    try {
                        leftovers.ifPresent(EngineStartup::sweep);
                        routes.start();
                        reports.ifPresent(EmbeddedReports::start);
                    } catch (RuntimeException e) {
                        LOG.warnf("The engine's start-up work did not finish: %s", e.toString());
                    } finally {
                        started.finish();
                    }
                })
                .start();
    }

    private static void sweep(LeftoverSweeper sweeper) {
        LeftoverSweeper.Sweep sweep = sweeper.removeLeftoversOfInterruptedDeployments();
        sweep.removed().forEach(name -> LOG.infof("Removed %s, left by an interrupted deployment", name));
        sweep.problems().forEach(problem -> LOG.warnf("Leftover of an interrupted deployment: %s", problem));
    }

    /**
     * A start without its engine fails with one line that names the engine and says why (the operator's fix), and exit
     * code 1, rather than a stack trace: Quarkus prints a configuration problem's message alone.
     */
    private static void connect(Instance<ContainerRuntime> runtime) {
        try {
            runtime.get();
        } catch (RuntimeException e) {
            // The container may wrap what the producer threw: a missing engine, or a runtime or endpoint that is no
            // such.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof EngineUnavailableException || cause instanceof IllegalArgumentException) {
                    throw new ConfigurationException("Cannot start: " + cause.getMessage(), Set.of());
                }
            }
            throw e;
        }
    }
}
