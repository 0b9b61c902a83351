package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.manifest.AppJsonEnv;
import io.slipway.manifest.ManifestException;
import io.slipway.manifest.ManifestParser;
import io.slipway.manifest.ManifestProblem;
import io.slipway.manifest.ParsedManifests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds and parses a deployment's manifests before its first phase: those the order carries (a
 * retry or a rollback), else the image's, else the build context's. A manifest error fails the
 * deployment here, with every problem's position; warnings go to the first phase's log.
 */
final class ManifestResolver {

    private final ManifestParser parser;

    ManifestResolver(ManifestParser parser) {
        this.parser = parser;
    }

    void resolve(DeploymentContext deployment) throws PhaseFailure {
        DeploymentOrder order = deployment.order();
        boolean imageKnown = order.image() != null;
        if (imageKnown) {
            deployment.startFrom(null, order.image());
        }
        ManifestFiles files = read(deployment);
        ParsedManifests parsed = parse(files, deployment);
        deployment.manifestsResolved(files, parsed);
        applyEnv(parsed, deployment);
        // A build context's image is known only once it is built; the build step announces it then.
        if (imageKnown) {
            deployment.announceManifests();
        }
    }

    static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static ManifestFiles read(DeploymentContext deployment) throws PhaseFailure {
        try {
            return new ManifestFilesReader(deployment.runtime())
                    .forOrder(deployment.order(), Optional.ofNullable(deployment.imageDetails()));
        } catch (IOException e) {
            throw PhaseFailure.failed(null, "cannot read the build context: " + e.getMessage());
        }
    }

    private ParsedManifests parse(ManifestFiles files, DeploymentContext deployment) throws PhaseFailure {
        try {
            ParsedManifests parsed = parser.parse(bytes(files.appJson()), bytes(files.procfile()));
            Phase first = Phase.firstFor(deployment.order().kind());
            for (ManifestProblem warning : parsed.warnings()) {
                deployment.log(first, "warning: " + describe(warning));
            }
            return parsed;
        } catch (ManifestException e) {
            throw PhaseFailure.failed(
                    null,
                    "invalid manifest: "
                            + e.problems().stream()
                                    .map(ManifestResolver::describe)
                                    .collect(Collectors.joining("; ")));
        }
    }

    /**
     * Adds app.json's {@code env} defaults and generated secrets the app's config lacks to this deployment's config
     * (the app keeps them, from the event); a required variable without a value fails the deployment before its
     * first phase. Only names are ever written, never values.
     */
    private static void applyEnv(ParsedManifests parsed, DeploymentContext deployment) throws PhaseFailure {
        AppJsonEnv.Resolution env =
                AppJsonEnv.resolve(parsed.appJson().env(), deployment.order().config());
        Phase first = Phase.firstFor(deployment.order().kind());
        env.ignored()
                .forEach(name ->
                        deployment.log(first, "warning: app.json env " + name + ": not a variable name; ignored"));
        if (!env.missing().isEmpty()) {
            throw PhaseFailure.failed(null, missingEnv(env.missing()));
        }
        deployment.configAdded(env.added());
        List<String> defaults = env.added().keySet().stream()
                .filter(name -> !env.generated().contains(name))
                .toList();
        if (!defaults.isEmpty()) {
            deployment.log(first, "app.json env: default values set for " + String.join(", ", defaults));
        }
        if (!env.generated().isEmpty()) {
            deployment.log(
                    first,
                    "app.json env: secrets generated for "
                            + String.join(
                                    ", ", env.generated().stream().sorted().toList()));
        }
    }

    /** Why a deployment cannot run while required variables of app.json's env have no value; names only. */
    static String missingEnv(List<String> names) {
        return "app.json env: required config variables without a value: " + String.join(", ", names)
                + " (set them in the app's config)";
    }

    static String describe(ManifestProblem problem) {
        StringBuilder text = new StringBuilder(problem.file());
        if (problem.line() > 0) {
            text.append(':').append(problem.line());
            if (problem.column() > 0) {
                text.append(':').append(problem.column());
            }
        }
        if (problem.path() != null && !problem.path().isEmpty()) {
            text.append(' ').append(problem.path());
        }
        return text.append(": ").append(problem.message()).toString();
    }
}
