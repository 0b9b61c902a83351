package io.slipway.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentOrder;
import io.slipway.gateway.repository.App;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A deployment's order carries the app's settings as they are when it is stored. */
class OrderSettingsTests {

    @Test
    void anAppThatSharesANetworkSendsItsNameAndOneWithItsOwnSendsNone() {
        App app = new App("shop", "default", Instant.now());
        assertThat(order(app).network()).isEmpty();

        app.joinNetwork(Optional.of("backend"));
        assertThat(order(app).network()).contains("backend");

        app.joinNetwork(Optional.empty());
        assertThat(order(app).network()).isEmpty();
    }

    private static DeploymentOrder order(App app) {
        return DeploymentService.orderFor(
                "d-1", app, DeploymentOrder.builder(DeploymentKind.IMAGE).image("busybox:1"));
    }
}
