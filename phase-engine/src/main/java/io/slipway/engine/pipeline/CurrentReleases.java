package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ImageDetails;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tells the process containers of apps' current releases from the rest, by what the engine shows: a
 * container runs its app's current release when its image is the one tagged {@code slipway/<app>:current}.
 * Asks the engine once per app and image; for one look at the engine, not to keep.
 */
final class CurrentReleases {

    private final ContainerRuntime runtime;
    private final Map<String, Optional<String>> currentImageIds = new HashMap<>();

    CurrentReleases(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    boolean runsCurrentRelease(ContainerInfo process) {
        String app = process.labels().get(ContainerLabels.APP);
        Optional<String> current = currentImageIds.computeIfAbsent(
                app, key -> runtime.inspectImage(AppImages.current(key)).map(ImageDetails::id));
        Optional<String> running = runtime.inspectImage(process.image()).map(ImageDetails::id);
        return current.isPresent() && current.equals(running);
    }
}
