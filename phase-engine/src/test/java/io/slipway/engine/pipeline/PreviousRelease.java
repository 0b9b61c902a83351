package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerState;
import io.slipway.runtime.ImageDetails;

/**
 * What an app runs before a deployment that must leave it alone: its one web container and the image
 * its current tag names. Taken before the deployment, checked after it.
 */
record PreviousRelease(String app, String webContainer, String currentImageId) {

    /** The app's release now; it runs one web container. */
    static PreviousRelease of(ContainerRuntime runtime, String app) {
        return new PreviousRelease(
                app,
                runtime.listContainers(ContainerLabels.processesOf(app)).get(0).id(),
                runtime.inspectImage(AppImages.current(app))
                        .orElseThrow(() -> new AssertionError(app + " has no current release image"))
                        .id());
    }

    /**
     * Only this release remains after {@code deploymentId} ended without becoming current: its web
     * container is the app's only container and runs, the current tag still names its image, and the
     * deployment left no release image.
     */
    void assertOnlyItRemainsAfter(ContainerRuntime runtime, String deploymentId) {
        assertThat(runtime.listContainers(ContainerLabels.allOf(app)))
                .as("the app's containers")
                .singleElement()
                .satisfies(web -> {
                    assertThat(web.id()).isEqualTo(webContainer);
                    assertThat(web.state()).isEqualTo(ContainerState.RUNNING);
                });
        assertThat(runtime.inspectImage(AppImages.current(app)).map(ImageDetails::id))
                .as("the image the current tag names")
                .hasValue(currentImageId);
        assertThat(runtime.inspectImage(AppImages.release(app, deploymentId)))
                .as("the release image of " + deploymentId)
                .isEmpty();
    }
}
