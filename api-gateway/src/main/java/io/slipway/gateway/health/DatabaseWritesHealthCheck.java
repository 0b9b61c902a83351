package io.slipway.gateway.health;

import io.slipway.gateway.service.DatabaseWrites;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the database refuses the deployment events' writes: the events wait and are retried, so nothing is
 * lost, but logs and statuses are not current.
 */
@Readiness
@ApplicationScoped
public class DatabaseWritesHealthCheck implements HealthCheck {

    private static final String NAME = "database writes";

    private final DatabaseWrites writes;

    public DatabaseWritesHealthCheck(DatabaseWrites writes) {
        this.writes = writes;
    }

    @Override
    public HealthCheckResponse call() {
        return writes.failure()
                .map(failure -> HealthCheckResponse.named(NAME)
                        .down()
                        .withData("failingSince", failure.since().toString())
                        .withData("error", failure.reason())
                        .build())
                .orElseGet(() -> HealthCheckResponse.up(NAME));
    }
}
