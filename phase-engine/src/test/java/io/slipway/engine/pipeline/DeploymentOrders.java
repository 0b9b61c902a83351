package io.slipway.engine.pipeline;

import io.slipway.contract.AppLimits;
import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Deployment orders for tests, with defaults for everything a test does not care about:
 * {@code anImageDeploy().app("shop").image("shop:1").build()}. The deployment id is random unless set.
 */
public final class DeploymentOrders {

    private String deploymentId = UUID.randomUUID().toString();
    private String app = "app";
    private final DeploymentKind kind;
    private String image;
    private Optional<String> buildContext = Optional.empty();
    private Optional<String> appJsonPath = Optional.empty();
    private Optional<String> procfilePath = Optional.empty();
    private Optional<ManifestFiles> manifests = Optional.empty();
    private Map<String, String> config = Map.of();
    private Map<String, Integer> formation = Map.of();
    private Optional<Duration> taskTimeout = Optional.empty();
    private AppLimits limits = AppLimits.NONE;
    private Optional<String> network = Optional.empty();

    private DeploymentOrders(DeploymentKind kind, String image) {
        this.kind = kind;
        this.image = image;
    }

    /** Deploys the image {@code image} (set it with {@link #image}). */
    public static DeploymentOrders anImageDeploy() {
        return new DeploymentOrders(DeploymentKind.IMAGE, "image");
    }

    public static DeploymentOrders aBuildOf(Path context) {
        return new DeploymentOrders(DeploymentKind.BUILD_CONTEXT, null).buildContext(context);
    }

    /** Runs {@code releaseImage} again with the manifests it was deployed with. */
    public static DeploymentOrders aRollbackTo(String releaseImage, ManifestFiles manifests) {
        return new DeploymentOrders(DeploymentKind.ROLLBACK, releaseImage).manifests(manifests);
    }

    public DeploymentOrders id(String deploymentId) {
        this.deploymentId = deploymentId;
        return this;
    }

    public DeploymentOrders app(String app) {
        this.app = app;
        return this;
    }

    public DeploymentOrders image(String image) {
        this.image = image;
        return this;
    }

    public DeploymentOrders buildContext(Path context) {
        this.buildContext = Optional.of(context.toString());
        return this;
    }

    public DeploymentOrders appJsonPath(String path) {
        this.appJsonPath = Optional.of(path);
        return this;
    }

    public DeploymentOrders procfilePath(String path) {
        this.procfilePath = Optional.of(path);
        return this;
    }

    public DeploymentOrders manifests(ManifestFiles manifests) {
        this.manifests = Optional.of(manifests);
        return this;
    }

    public DeploymentOrders config(Map<String, String> config) {
        this.config = config;
        return this;
    }

    public DeploymentOrders formation(Map<String, Integer> formation) {
        this.formation = formation;
        return this;
    }

    public DeploymentOrders taskTimeout(Duration timeout) {
        this.taskTimeout = Optional.of(timeout);
        return this;
    }

    /** The shared network the app joins instead of its own. */
    public DeploymentOrders network(String network) {
        this.network = Optional.of(network);
        return this;
    }

    public DeploymentOrders limits(AppLimits limits) {
        this.limits = limits;
        return this;
    }

    public DeploymentOrder build() {
        return new DeploymentOrder(
                deploymentId,
                app,
                kind,
                image,
                buildContext,
                appJsonPath,
                procfilePath,
                manifests,
                config,
                formation,
                taskTimeout,
                limits,
                network);
    }
}
