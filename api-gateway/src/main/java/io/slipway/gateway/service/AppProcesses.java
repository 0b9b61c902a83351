package io.slipway.gateway.service;

import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.gateway.AppView.ProcessView;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.mapping.AppMapper;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerState;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The process containers of apps, read from the engine in one list call for all apps. The gateway
 * only reads: the engine starts and removes them.
 *
 * <p>A slow engine must not hold the request threads that database-only endpoints and health checks
 * need too: the list runs on a thread of its own, reads that come while it runs share it, and a read
 * waits for it at most the engine timeout. When the engine does not answer, or did not answer last
 * time (then a new list is asked for in the background), a read answers at once with the processes of
 * the last answer, their state {@code UNKNOWN}, and why.
 *
 * <p>An answer younger than the maximum age is reused, so reads at any rate cost the engine at most
 * one list call per age; a deployment's end makes the next read ask again ({@link #changed()}).
 */
@ApplicationScoped
@Typed(AppProcesses.class)
public class AppProcesses implements ProcessListing {

    private static final Logger LOG = Logger.getLogger(AppProcesses.class);

    private final ContainerRuntime runtime;
    private final Duration wait;
    private final Duration maxAge;
    private final ExecutorService engineCalls = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "slipway-process-list");
        thread.setDaemon(true);
        return thread;
    });

    /** Guarded by {@code this}. */
    private Call inFlight;

    private volatile List<ContainerInfo> lastAnswer = List.of();
    private volatile String lastError;

    @Inject
    public AppProcesses(ContainerRuntime runtime, EngineConfig engine, GatewayConfig gateway) {
        this(runtime, engine.engineTimeout(), gateway.gateway().processStateMaxAge());
    }

    AppProcesses(ContainerRuntime runtime, Duration wait, Duration maxAge) {
        this.runtime = runtime;
        this.wait = wait;
        this.maxAge = maxAge;
    }

    /** The containers changed (a deployment ended): the next read asks the engine. */
    @Override
    public synchronized void changed() {
        if (inFlight != null && inFlight.answer().isDone()) {
            inFlight = null;
        }
    }

    /** Every app's processes as the engine lists them now, or as it last did. */
    @Override
    public Listing current() {
        String knownError = lastError;
        Call call = call();
        if (knownError != null) {
            return stale(knownError);
        }
        // Measured from the call's start: reads that come after it timed out answer at once.
        long left = Math.max(0, call.startedNanos() + wait.toNanos() - System.nanoTime());
        try {
            return new Listing(group(call.answer().get(left, TimeUnit.NANOSECONDS), false), null);
        } catch (TimeoutException e) {
            return stale("the container engine did not answer within " + wait.toMillis() + " ms");
        } catch (ExecutionException e) {
            return stale(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stale("interrupted while waiting for the container engine");
        }
    }

    /** The list call under way, or one answered less than the maximum age ago, or a new one. */
    private synchronized Call call() {
        if (inFlight == null || inFlight.answer().isDone() && isOld(inFlight)) {
            inFlight = new Call(System.nanoTime(), CompletableFuture.supplyAsync(this::list, engineCalls));
        }
        return inFlight;
    }

    /** Old once its age is past, and an error is old at once: the engine is asked again next time. */
    private boolean isOld(Call call) {
        return call.answer().isCompletedExceptionally() || System.nanoTime() - call.startedNanos() >= maxAge.toNanos();
    }

    private record Call(long startedNanos, CompletableFuture<List<ContainerInfo>> answer) {}

    private List<ContainerInfo> list() {
        try {
            List<ContainerInfo> containers = runtime.listContainers(ContainerLabels.allProcesses()).stream()
                    .sorted(Comparator.comparing(ContainerInfo::name))
                    .toList();
            lastAnswer = containers;
            lastError = null;
            return containers;
        } catch (RuntimeException e) {
            if (lastError == null) {
                LOG.warnf("Cannot list process containers: %s", e.getMessage());
            }
            lastError = e.getMessage();
            throw e;
        }
    }

    private Listing stale(String error) {
        return new Listing(group(lastAnswer, true), error);
    }

    private static Map<String, List<ProcessView>> group(List<ContainerInfo> containers, boolean stale) {
        return containers.stream()
                .collect(Collectors.groupingBy(
                        container -> container.labels().getOrDefault(ContainerLabels.APP, ""),
                        Collectors.mapping(
                                container -> stale
                                        ? AppMapper.toProcess(container, ContainerState.UNKNOWN)
                                        : AppMapper.toProcess(container),
                                Collectors.toList())));
    }

    @PreDestroy
    void stop() {
        engineCalls.shutdownNow();
    }
}
