package io.slipway.engine.pipeline;

import io.slipway.engine.pipeline.DeploymentOrder.ManifestFiles;
import io.slipway.manifest.ManifestException;
import io.slipway.manifest.ManifestParser;
import io.slipway.manifest.ManifestProblem;
import io.slipway.manifest.ParsedManifests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        deployment.manifestsResolved(files, parse(files, deployment));
        // A build context's image is known only once it is built; the build step announces it then.
        if (imageKnown) {
            deployment.announceManifests();
        }
    }

    private static ManifestFiles read(DeploymentContext deployment) throws PhaseFailure {
        DeploymentOrder order = deployment.order();
        if (order.manifests().isPresent()) {
            return order.manifests().get();
        }
        if (order.image() != null) {
            return new ManifestFilesReader(deployment.runtime())
                    .fromImage(
                            order.image(),
                            deployment.imageDetails().workingDir(),
                            order.appJsonPath(),
                            order.procfilePath());
        }
        try {
            return ManifestFilesReader.fromContext(
                    Path.of(order.buildContext().orElseThrow()), order.appJsonPath(), order.procfilePath());
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

    private static String describe(ManifestProblem problem) {
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

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
