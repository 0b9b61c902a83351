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
        Optional<String> network) {

    public DeploymentOrder {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(kind, "kind");
        if (kind == DeploymentKind.BUILD_CONTEXT ? buildContext.isEmpty() : image == null) {
            throw new IllegalArgumentException(
                    kind + " deployment without its " + (image == null ? "image" : "context"));
        }
        config = Map.copyOf(config);
        formation = Map.copyOf(formation);
        limits = limits == null ? AppLimits.NONE : limits;
        // An order from an older sender has no network: the app's own.
        network = network == null ? Optional.empty() : network;
    }

    /** This order with {@code variables} added to its config (app.json's defaults and generated secrets). */
    public DeploymentOrder withConfigAdded(Map<String, String> variables) {
        Map<String, String> merged = new HashMap<>(config);
        merged.putAll(variables);
        return new DeploymentOrder(
                deploymentId,
                app,
                kind,
                image,
                buildContext,
                appJsonPath,
                procfilePath,
                manifests,
                merged,
                formation,
                taskTimeout,
                limits,
                network);
    }

    /** The texts of both manifests; {@code null} where the file is absent. */
    public record ManifestFiles(String appJson, String procfile) {}
}
