package io.slipway.gateway.repository;

import io.slipway.contract.DeploymentOrder.ManifestFiles;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Optional;

/**
 * The manifests a deployment's engine used and the image it read them from, once it reported them. Never changed in
 * place: the report makes a new one ({@link Deployment#resolveManifests}), as {@link StoredRetirement} does.
 */
@Embeddable
public class StoredManifests {

    /** A deployment's before the engine reported them. */
    static final StoredManifests NONE = new StoredManifests();

    @Column(name = "manifests_resolved", nullable = false)
    private boolean resolved;

    @Column(name = "resolved_image", length = 1024)
    private String image;

    @Column(name = "app_json", length = 1048576)
    private String appJson;

    @Column(length = 1048576)
    private String procfile;

    protected StoredManifests() {}

    StoredManifests(String image, ManifestFiles files) {
        this.resolved = true;
        this.image = image;
        this.appJson = files.appJson();
        this.procfile = files.procfile();
    }

    /** The image the engine read them from: for a build context, the image it built. */
    Optional<String> image() {
        return Optional.ofNullable(image);
    }

    Optional<ManifestFiles> files() {
        return resolved ? Optional.of(new ManifestFiles(appJson, procfile)) : Optional.empty();
    }
}
