package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentOrder;
import io.slipway.runtime.ContainerRuntimeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds the order's build context (a tar, plain or gzip, as the engine takes it) into the app's
 * build image, which the later phases start from. The built image is kept when the deployment
 * fails, so that a retry runs it again without rebuilding.
 */
final class BuildStep implements Step {

    /** The engines build the Dockerfile at the context's root. */
    private static final String DOCKERFILE = "Dockerfile";

    @Override
    public PhaseTransition run(PhaseTransition started, DeploymentContext deployment) throws PhaseFailure {
        Phase phase = started.phase();
        DeploymentOrder order = deployment.order();
        String tag = AppImages.built(order.app(), order.deploymentId());
        Path contextFile = Path.of(order.buildContext().orElseThrow());
        Optional<String> refusal;
        try {
            refusal = ManifestFilesReader.fileOf(contextFile, DOCKERFILE)
                    .flatMap(dockerfile -> DockerfileSources.refusal(DOCKERFILE, dockerfile));
        } catch (IOException e) {
            throw PhaseFailure.failed(phase, "cannot read the build context: " + e.getMessage());
        }
        if (refusal.isPresent()) {
            throw PhaseFailure.failed(phase, refusal.get());
        }
        try (InputStream context = Files.newInputStream(contextFile)) {
            deployment
                    .runtime()
                    .buildImage(
                            context,
                            tag,
                            Optional.of(deployment.network().build()),
                            deployment.output(phase),
                            deployment.cancellation());
        } catch (IOException e) {
            throw PhaseFailure.failed(phase, "cannot read the build context: " + e.getMessage());
        } catch (ContainerRuntimeException e) {
            // A cancel stops the build by breaking it off, which the engine reports as a failure.
            deployment.throwIfCancelled(phase);
            throw PhaseFailure.failed(phase, "build failed: " + e.getMessage());
        }
        deployment.startFrom(phase, tag);
        deployment.announceManifests();
        return started.succeeded();
    }
}
