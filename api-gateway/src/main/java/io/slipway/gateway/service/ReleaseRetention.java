package io.slipway.gateway.service;

import io.slipway.gateway.messaging.EngineCommands;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the release images of an app's last {@value #KEPT_RELEASES} successful deployments for
 * rollback and has the engine remove older ones. A rollback reuses an older release image, so an
 * image still used by a kept deployment is never removed.
 */
@ApplicationScoped
public class ReleaseRetention {

    static final int KEPT_RELEASES = 10;

    private final DeploymentRepository deployments;
    private final EngineCommands engine;

    public ReleaseRetention(DeploymentRepository deployments, EngineCommands engine) {
        this.deployments = deployments;
        this.engine = engine;
    }

    /** Called after a deployment of {@code app} succeeded; asks the engine without waiting for it. */
    public void pruneReleasesOf(String app) {
        List<String> expired = expiredReleasesOf(app);
        if (!expired.isEmpty()) {
            engine.removeImages(app, expired);
        }
    }

    @Transactional
    List<String> expiredReleasesOf(String app) {
        return expired(deployments.succeededOfApp(app).stream()
                .map(Deployment::releaseImage)
                .toList());
    }

    /** @param releaseImages the successful deployments' release images, most recent first */
    static List<String> expired(List<Optional<String>> releaseImages) {
        Set<String> kept = releaseImages.stream()
                .limit(KEPT_RELEASES)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
        return releaseImages.stream()
                .skip(KEPT_RELEASES)
                .flatMap(Optional::stream)
                .filter(image -> !kept.contains(image))
                .distinct()
                .toList();
    }
}
