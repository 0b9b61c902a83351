package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Deployment orders for tests, with defaults for everything a test does not care about:
 * {@code anImageDeploy().app("shop").image("shop:1").build()}. The deployment id is random unless set.
 */
public final class DeploymentOrders {

    private DeploymentOrders() {}

    /** Deploys the image {@code image} (set it with {@link DeploymentOrder.Builder#image}). */
    public static DeploymentOrder.Builder anImageDeploy() {
        return of(DeploymentKind.IMAGE).image("image");
    }

    public static DeploymentOrder.Builder aBuildOf(Path context) {
        return of(DeploymentKind.BUILD_CONTEXT).buildContext(Optional.of(context.toString()));
    }

    /** Runs {@code releaseImage} again with the manifests it was deployed with. */
    public static DeploymentOrder.Builder aRollbackTo(String releaseImage, ManifestFiles manifests) {
        return of(DeploymentKind.ROLLBACK).image(releaseImage).manifests(Optional.of(manifests));
    }

    private static DeploymentOrder.Builder of(DeploymentKind kind) {
        return DeploymentOrder.builder(kind)
                .deploymentId(UUID.randomUUID().toString())
                .app("app");
    }
}
