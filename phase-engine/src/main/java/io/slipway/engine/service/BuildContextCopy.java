package io.slipway.engine.service;

import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A distributed worker's own copy of a deployment's build context: the order names the gateway's, which the worker
 * downloads into a temporary file of its own (owner-only), builds from, and deletes when the deployment is over.
 * Every other order runs as it came.
 */
final class BuildContextCopy implements AutoCloseable {

    /** Fetches a deployment's build context into a file: the gateway's worker API. */
    @FunctionalInterface
    interface Download {
        void into(String deploymentId, Path target) throws IOException;
    }

    private static final Logger LOG = Logger.getLogger(BuildContextCopy.class);

    private final DeploymentOrder order;
    private final Optional<Path> file;

    private BuildContextCopy(DeploymentOrder order, Optional<Path> file) {
        this.order = order;
        this.file = file;
    }

    /** @param gateway where build contexts come from; empty when the engine shares the gateway's disk */
    static BuildContextCopy of(DeploymentOrder order, Optional<Download> gateway) throws IOException {
        if (gateway.isEmpty() || order.kind() != DeploymentKind.BUILD_CONTEXT) {
            return new BuildContextCopy(order, Optional.empty());
        }
        Path file = Files.createTempFile("slipway-context-", ".tar");
        try {
            gateway.get().into(order.deploymentId(), file);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        DeploymentOrder local =
                order.toBuilder().buildContext(Optional.of(file.toString())).build();
        return new BuildContextCopy(local, Optional.of(file));
    }

    /** The order to run: with the context at this worker's copy, when it has one. */
    DeploymentOrder order() {
        return order;
    }

    @Override
    public void close() {
        file.ifPresent(BuildContextCopy::deleteQuietly);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete the downloaded build context %s: %s", file, e.getMessage());
        }
    }
}
