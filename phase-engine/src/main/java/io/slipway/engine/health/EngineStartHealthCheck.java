package io.slipway.engine.health;

import io.slipway.engine.service.EngineStart;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Down while the engine's start-up work runs in the background (the sweep of what a crash left, the routes, the first
 * report of what runs: {@link EngineStart}); commands that come meanwhile wait for it. Up at once where the engine is
 * idle.
 */
@Readiness
@ApplicationScoped
public class EngineStartHealthCheck implements HealthCheck {

    private final EngineStart start;

    public EngineStartHealthCheck(EngineStart start) {
        this.start = start;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("engine-start")
                .status(start.finished())
                .build();
    }
}
