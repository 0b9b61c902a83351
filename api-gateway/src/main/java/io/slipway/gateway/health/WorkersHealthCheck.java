package io.slipway.gateway.health;

import io.quarkus.arc.lookup.LookupIfProperty;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.repository.WorkerRecord;
import io.slipway.gateway.repository.WorkerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Remote mode: the engine workers heard from, each as {@code pool=..., engine=..., lastSeen=..., alive=...} under
 * its id. Always up: a gateway without workers still takes requests, which wait in their pool's topic.
 */
@Readiness
@ApplicationScoped
@LookupIfProperty(name = GatewayConfig.ENGINE, stringValue = "remote")
public class WorkersHealthCheck implements HealthCheck {

    /** The most workers listed, so that the answer stays small. */
    static final int MAX_LISTED = 100;

    private final WorkerRepository workers;
    private final Duration lease;

    public WorkersHealthCheck(WorkerRepository workers, GatewayConfig config) {
        this.workers = workers;
        this.lease = config.workerLease();
    }

    @Override
    @Transactional
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("workers").up();
        Instant aliveSince = Instant.now().minus(lease);
        workers.listRecentFirst().stream()
                .limit(MAX_LISTED)
                .forEach(worker -> response.withData(
                        worker.id(), describe(worker, !worker.lastSeen().isBefore(aliveSince))));
        return response.build();
    }

    private static String describe(WorkerRecord worker, boolean alive) {
        return "pool=" + worker.pool() + ", engine=" + worker.engine() + ", lastSeen=" + worker.lastSeen() + ", alive="
                + alive;
    }
}
