package io.slipway.engine.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.PhaseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derives the engine's metrics from the events it publishes: deployments by outcome, phase
 * durations, and tasks that timed out.
 */
@ApplicationScoped
public class DeploymentMetrics {

    private final MeterRegistry registry;
    private final Map<String, DeploymentEvent.PhaseChanged> runningPhases = new ConcurrentHashMap<>();

    public DeploymentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(DeploymentEvent event) {
        if (event instanceof DeploymentEvent.PhaseChanged phase) {
            recordPhase(phase);
        } else if (event instanceof DeploymentEvent.Finished finished) {
            registry.counter(
                            "slipway.deployments",
                            "outcome",
                            finished.status().name().toLowerCase(Locale.ROOT))
                    .increment();
        }
    }

    private void recordPhase(DeploymentEvent.PhaseChanged change) {
        String key = change.deploymentId() + "/" + change.phase();
        if (change.status() == PhaseStatus.RUNNING) {
            runningPhases.put(key, change);
            return;
        }
        DeploymentEvent.PhaseChanged started = runningPhases.remove(key);
        if (started != null && change.status().isFinal()) {
            Timer.builder("slipway.phase.duration")
                    .tag("phase", change.phase().id())
                    .tag("status", change.status().name().toLowerCase(Locale.ROOT))
                    .register(registry)
                    .record(Duration.between(started.at(), change.at()));
        }
        if (change.status() == PhaseStatus.FAILED && "timeout".equals(change.reason())) {
            registry.counter("slipway.tasks.timed.out", "phase", change.phase().id())
                    .increment();
        }
    }
}
