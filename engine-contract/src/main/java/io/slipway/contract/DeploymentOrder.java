package io.slipway.contract;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a deployment needs to run, decided before it is queued.
 *
 * @param image the image to deploy ({@link DeploymentKind#IMAGE}, {@link DeploymentKind#ROLLBACK});
 *     null for a build context
 * @param buildContext the tar build context on a file system the engine shares, for
 *     {@link DeploymentKind#BUILD_CONTEXT}
 * @param appJsonPath where app.json is read from instead of the default, relative to the image's
 *     working directory or the context root
 * @param procfilePath likewise for the Procfile
 * @param manifests manifests to use as they are instead of reading them (a retry or a rollback)
 * @param config the app's config variables
 * @param formation the requested scale per process type; empty for the defaults
 * @param taskTimeout the task timeout for this deployment; empty for the engine's default
 * @param limits the memory and CPU its task and process containers may use
 * @param network the shared network the app's operator asked it to join instead of its own; empty for its own
 * @param setupRan whether the app's one-time setup task ({@code scripts.postdeploy}) had been marked as run when the
 *     order was made: the engine then skips SETUP without asking; when false it still asks the gateway (an earlier
 *     deployment of the app may have run it since), and runs the task only once the gateway has stored the mark
 * @param processType the one process type a {@link DeploymentKind#RESTART} replaces; empty for every type
 */
public record DeploymentOrder(
        String deploymentId,
        String app,
        DeploymentKind kind,
        String image,
        Optional<String> buildContext,
        Optional<String> appJsonPath,
        Optional<String> procfilePath,
        Optional<ManifestFiles> manifests,
        Map<String, String> config,
        Map<String, Integer> formation,
        Optional<Duration> taskTimeout,
        AppLimits limits,
        Optional<String> network,
        boolean setupRan,
        Optional<String> processType) {

    public DeploymentOrder {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(kind, "kind");
        if (kind == DeploymentKind.BUILD_CONTEXT ? buildContext.isEmpty() : image == null) {
            throw new IllegalArgumentException(
                    kind + " deployment without its " + (kind == DeploymentKind.BUILD_CONTEXT ? "context" : "image"));
        }
        config = Map.copyOf(config);
        formation = Map.copyOf(formation);
        limits = limits == null ? AppLimits.NONE : limits;
        // An order from an older sender has no network: the app's own.
        network = network == null ? Optional.empty() : network;
        processType = processType == null ? Optional.empty() : processType;
    }

    /** This order with {@code variables} added to its config (app.json's defaults and generated secrets). */
    public DeploymentOrder withConfigAdded(Map<String, String> variables) {
        Map<String, String> merged = new HashMap<>(config);
        merged.putAll(variables);
        return toBuilder().config(merged).build();
    }

    /** An order of {@code kind} to fill in; what is not set is empty (no config, the default formation, …). */
    public static Builder builder(DeploymentKind kind) {
        return new Builder(kind);
    }

    /** A builder that starts from this order, for an order that differs from it in a field or two. */
    public Builder toBuilder() {
        return new Builder(kind)
                .deploymentId(deploymentId)
                .app(app)
                .image(image)
                .buildContext(buildContext)
                .appJsonPath(appJsonPath)
                .procfilePath(procfilePath)
                .manifests(manifests)
                .config(config)
                .formation(formation)
                .taskTimeout(taskTimeout)
                .limits(limits)
                .network(network)
                .setupRan(setupRan)
                .processType(processType);
    }

    /** The texts of both manifests; {@code null} where the file is absent. */
    public record ManifestFiles(String appJson, String procfile) {}

    /**
     * Fills in an order field by field, so that a new field is set where it matters and defaults everywhere else.
     * {@link #build} checks it as the order's constructor does.
     */
    public static final class Builder {

        private String deploymentId;
        private String app;
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
        private boolean setupRan;
        private Optional<String> processType = Optional.empty();

        private Builder(DeploymentKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        public Builder deploymentId(String deploymentId) {
            this.deploymentId = deploymentId;
            return this;
        }

        public Builder app(String app) {
            this.app = app;
            return this;
        }

        /** The app the order is for: its config and formation are looked up by it before the order is built. */
        public String app() {
            return app;
        }

        public Builder image(String image) {
            this.image = image;
            return this;
        }

        public Builder buildContext(Optional<String> buildContext) {
            this.buildContext = buildContext;
            return this;
        }

        public Builder appJsonPath(Optional<String> appJsonPath) {
            this.appJsonPath = appJsonPath;
            return this;
        }

        public Builder procfilePath(Optional<String> procfilePath) {
            this.procfilePath = procfilePath;
            return this;
        }

        public Builder manifests(Optional<ManifestFiles> manifests) {
            this.manifests = manifests;
            return this;
        }

        public Builder config(Map<String, String> config) {
            this.config = config;
            return this;
        }

        public Builder formation(Map<String, Integer> formation) {
            this.formation = formation;
            return this;
        }

        /** The formation to use when none is set (the app's, under a scale's named types). */
        public Builder formationUnlessSet(Map<String, Integer> fallback) {
            if (formation.isEmpty()) {
                this.formation = fallback;
            }
            return this;
        }

        public Builder taskTimeout(Optional<Duration> taskTimeout) {
            this.taskTimeout = taskTimeout;
            return this;
        }

        /** The task timeout to use when none is set (the app's own, under a deployment's). */
        public Builder taskTimeoutUnlessSet(Optional<Duration> fallback) {
            this.taskTimeout = taskTimeout.or(() -> fallback);
            return this;
        }

        public Builder limits(AppLimits limits) {
            this.limits = limits;
            return this;
        }

        /** The shared network the app joins instead of its own; empty for its own. */
        public Builder network(Optional<String> network) {
            this.network = network;
            return this;
        }

        /** Whether the app's one-time setup task has been marked as run. */
        public Builder setupRan(boolean setupRan) {
            this.setupRan = setupRan;
            return this;
        }

        /** The one process type a restart replaces; empty for every type. */
        public Builder processType(Optional<String> processType) {
            this.processType = processType;
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
                    network,
                    setupRan,
                    processType);
        }
    }
}
