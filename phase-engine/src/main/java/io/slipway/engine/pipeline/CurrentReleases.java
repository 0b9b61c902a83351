package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ImageDetails;
import java.util.Map;
import java.util.Optional;

/**
 * Tells the process containers of apps' current releases from the rest, by what the engine shows: a
 * container runs its app's current release when its image is the one tagged {@code slipway/<app>:current}.
 * Asks the engine for every image's id at once (a start-up sweep of many apps asked twice per container
 * before); only an image a container names by id, not by reference, is inspected. For one look at the
 * engine, not to keep.
 */
final class CurrentReleases {

    private final ContainerRuntime runtime;
    private final Map<String, String> idsByReference;

    CurrentReleases(ContainerRuntime runtime) {
        this.runtime = runtime;
        this.idsByReference = runtime.imageIdsByReference();
    }

    boolean runsCurrentRelease(ContainerInfo process) {
        String app = process.labels().get(ContainerLabels.APP);
        Optional<String> current = Optional.ofNullable(idsByReference.get(AppImages.current(app)));
        Optional<String> running = Optional.ofNullable(idsByReference.get(process.image()))
                .or(() -> runtime.inspectImage(process.image()).map(ImageDetails::id));
        return current.isPresent() && current.equals(running);
    }
}
