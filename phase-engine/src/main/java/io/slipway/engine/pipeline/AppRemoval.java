package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
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

    /**
     * Removes an app's containers, of every deployment, every image Slipway made for it (its
     * repository {@code slipway/<app>}, whichever deployment made them, interrupted ones included), and its own
     * network (a shared one stays).
     * Each removal is tried on its own, so one that fails leaves nothing else behind, and all at once, so that
     * processes that ignore SIGTERM cost the stop grace once, not once each.
     *
     * @return one line for each container or image that could not be removed
     */
    public List<String> removeApp(String app) {
        ContainerRemoval removal = new ContainerRemoval(runtime, stopGrace);
        List<String> problems =
                new ArrayList<>(removal.stopAndRemoveAll(runtime.listContainers(ContainerLabels.allOf(app))));
        problems.addAll(removal.removeImages(runtime.listImages(AppImages.repository(app))));
        // Only once its containers are gone: the engine refuses to remove a network still in use.
        String network = AppNetwork.nameOf(app);
        try {
            runtime.removeNetwork(network);
        } catch (ContainerRuntimeException e) {
            problems.add("network " + network + ": " + e.getMessage());
        }
        return problems;
    }

    /** Removes those of {@code images} that Slipway made for the app. */
    public void removeImages(String app, List<String> images) {
        images.stream()
                .filter(image -> image.startsWith(AppImages.repository(app) + ":"))
                .forEach(runtime::removeImage);
    }
}
