package io.slipway.manifest;

import java.util.Objects;
import java.util.Optional;

/**
 * The commands of the deployment task phases; an empty one means the phase is skipped.
 *
 * @param predeploy {@code scripts.dokku.predeploy} from app.json
 * @param release the Procfile's {@code release} entry
 * @param postdeploy {@code scripts.dokku.postdeploy} from app.json
 * @param setup {@code scripts.postdeploy} from app.json: the one-time setup task, run in the app's first deployment
 *     that reaches it
 */
public record DeploymentTasks(
        Optional<String> predeploy, Optional<String> release, Optional<String> postdeploy, Optional<String> setup) {

    public DeploymentTasks {
        Objects.requireNonNull(predeploy, "predeploy");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(postdeploy, "postdeploy");
        Objects.requireNonNull(setup, "setup");
    }
}
