package io.slipway.manifest;

import java.util.Objects;
import java.util.Optional;

/**
 * The commands of the deployment task phases; an empty one means the phase is skipped.
 *
 * @param predeploy {@code scripts.dokku.predeploy} from app.json
 * @param release the Procfile's {@code release} entry
 * @param postdeploy {@code scripts.dokku.postdeploy} from app.json
 */
public record DeploymentTasks(Optional<String> predeploy, Optional<String> release, Optional<String> postdeploy) {

    public DeploymentTasks {
        Objects.requireNonNull(predeploy, "predeploy");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(postdeploy, "postdeploy");
    }
}
