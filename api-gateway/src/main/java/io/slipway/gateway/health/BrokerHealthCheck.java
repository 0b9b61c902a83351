package io.slipway.gateway.health;

import io.quarkus.arc.lookup.LookupIfProperty;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.messaging.PoolTopics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Remote mode: ready when the broker answers an administrator's question within seconds. */
@Readiness
@ApplicationScoped
@LookupIfProperty(name = GatewayConfig.ENGINE, stringValue = "remote")
public class BrokerHealthCheck implements HealthCheck {

    private static final String NAME = "broker";

    private final PoolTopics broker;

    public BrokerHealthCheck(PoolTopics broker) {
        this.broker = broker;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named(NAME)
                    .up()
                    .withData("brokers", broker.brokers())
                    .build();
        } catch (ExecutionException e) {
            return down(e.getCause().getMessage());
        } catch (TimeoutException e) {
            return down("the broker did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private static HealthCheckResponse down(String error) {
        return HealthCheckResponse.named(NAME).down().withData("error", error).build();
    }
}
