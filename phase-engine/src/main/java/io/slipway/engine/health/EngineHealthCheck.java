package io.slipway.engine.health;

import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.EngineInfo;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the container engine answers; names the engine, its version and whether it is rootless. */
@Readiness
@ApplicationScoped
public class EngineHealthCheck implements HealthCheck {

    private final ContainerRuntime runtime;

    public EngineHealthCheck(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
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
