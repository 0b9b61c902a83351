package io.slipway.engine.health;

import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.EngineInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the container engine answers; names the engine, its version and whether it is rootless. Turned
 * off where the engine is idle (a {@code remote} gateway: see {@code WorkerChannels}); the engine is looked up
 * at the first check, so creating this check connects nothing.
 */
@Readiness
@ApplicationScoped
public class EngineHealthCheck implements HealthCheck {

    private final Instance<ContainerRuntime> runtimes;

    public EngineHealthCheck(Instance<ContainerRuntime> runtimes) {
        this.runtimes = runtimes;
    }

    @Override
    public HealthCheckResponse call() {
        ContainerRuntime runtime = runtimes.get();
        try {
            EngineInfo engine = runtime.ping();
            return HealthCheckResponse.named("container-engine")
                    .up()
                    .withData("engine", engine.kind().id())
                    .withData("version", engine.version())
                    .withData("rootless", engine.rootless())
                    .withData("endpoint", engine.endpoint())
                    .build();
        } catch (ContainerRuntimeException e) {
            return HealthCheckResponse.named("container-engine")
                    .down()
                    .withData("engine", runtime.engine().kind().id())
                    .withData("endpoint", runtime.engine().endpoint())
                    .withData("error", e.getMessage())
                    .build();
        }
    }
}
