package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import java.time.Duration;
import java.util.List;

/**
 * Takes an app's things off the engine: all of them when the app is deleted, or old release images.
 * Only images Slipway made for the app are removed; one the user deployed as-is is theirs to keep.
 */
public final class AppRemoval {

    private final ContainerRuntime runtime;
    private final Duration stopGrace;

    public AppRemoval(ContainerRuntime runtime, Duration stopGrace) {
        this.runtime = runtime;
        this.stopGrace = stopGrace;
    }

    /** Removes an app's containers, of every deployment, and the given images; absent ones are fine. */
    public void removeApp(String app, List<String> images) {
        for (ContainerInfo container : runtime.listContainers(ContainerLabels.allOf(app))) {
            ContainerRetirement.stopAndRemove(runtime, container.id(), stopGrace);
        }
        runtime.removeImage(AppImages.current(app));
        removeImages(app, images);
    }

    /** Removes those of {@code images} that Slipway made for the app. */
    public void removeImages(String app, List<String> images) {
        images.stream()
                .filter(image -> image.startsWith(AppImages.repository(app) + ":"))
                .forEach(runtime::removeImage);
    }
}
