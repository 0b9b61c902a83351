package io.slipway.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.contract.DeploymentOrder.ManifestFiles;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentOrderTests {

    /** Every field set to something other than the builder's default, so a field a copy forgets shows. */
    private final DeploymentOrder rollback = DeploymentOrder.builder(DeploymentKind.ROLLBACK)
            .deploymentId("d1")
            .app("shop")
            .image("slipway/shop:release-d0")
            .buildContext(Optional.of("/contexts/d0.tar"))
            .appJsonPath(Optional.of("deploy/app.json"))
            .procfilePath(Optional.of("deploy/Procfile"))
            .manifests(Optional.of(new ManifestFiles("{}", "web: serve")))
            .config(Map.of("A", "1"))
            .formation(Map.of("web", 2))
            .taskTimeout(Optional.of(Duration.ofMinutes(3)))
            .limits(new AppLimits(new Limits(Optional.of(1L << 26), Optional.empty()), Map.of()))
            .build();

    @Test
    void aBuilderFromAnOrderBuildsThatOrderAgain() {
        assertThat(rollback.toBuilder().build()).isEqualTo(rollback);
    }

    @Test
    void configAddedKeepsEveryOtherFieldAndTheAppsOwnValues() {
        DeploymentOrder added = rollback.withConfigAdded(Map.of("A", "2", "SECRET_KEY", "generated"));

        assertThat(added.config()).isEqualTo(Map.of("A", "2", "SECRET_KEY", "generated"));
        assertThat(added.toBuilder().config(rollback.config()).build()).isEqualTo(rollback);
    }

    @Test
    void anUnsetFieldIsEmptyAndAnUnsetTaskTimeoutTakesTheFallback() {
        DeploymentOrder image = DeploymentOrder.builder(DeploymentKind.IMAGE)
                .deploymentId("d2")
                .app("shop")
                .image("shop:1")
                .taskTimeoutUnlessSet(Optional.of(Duration.ofMinutes(5)))
                .build();

        assertThat(image.buildContext()).isEmpty();
        assertThat(image.manifests()).isEmpty();
        assertThat(image.config()).isEmpty();
        assertThat(image.limits()).isEqualTo(AppLimits.NONE);
        assertThat(image.taskTimeout()).contains(Duration.ofMinutes(5));
        assertThat(rollback.toBuilder()
                        .taskTimeoutUnlessSet(Optional.of(Duration.ofMinutes(5)))
                        .build()
                        .taskTimeout())
                .contains(Duration.ofMinutes(3));
    }

    @Test
    void aBuildWithoutItsContextIsRefusedAsTheConstructorRefusesIt() {
        assertThatThrownBy(() -> DeploymentOrder.builder(DeploymentKind.BUILD_CONTEXT)
                        .deploymentId("d3")
                        .app("shop")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without its context");
    }
}
