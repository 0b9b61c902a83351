package io.slipway.gateway.mapping;

import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.gateway.AppView;
import io.slipway.gateway.LimitsSettings;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.Deployment;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Apps as the API shows them; their process containers are added from the engine by the caller. */
public final class AppMapper {

    private AppMapper() {}

    /** @param url where the router serves the app, if there is a router */
    public static AppView toView(App app, Optional<Deployment> latest, Optional<String> url) {
        return new AppView(
                app.name(),
                app.createdAt(),
                app.pool(),
                app.currentRelease().map(AppMapper::toRelease).orElse(null),
                latest.map(d -> new AppView.LatestDeployment(d.id(), d.status(), d.createdAt()))
                        .orElse(null),
                app.formation(),
                app.taskTimeout().map(Duration::toSeconds).orElse(null),
                List.of(),
                null,
                url.orElse(null),
                LimitsSettings.of(app.limits()));
    }

    public static AppView.ProcessView toProcess(ContainerInfo container) {
        return toProcess(container, container.state());
    }

    /** As the engine last listed it, with the state it may no longer be in. */
    public static AppView.ProcessView toProcess(ContainerInfo container, ContainerState state) {
        return new AppView.ProcessView(
                container.labels().get(ContainerLabels.PROCESS_TYPE),
                container.id(),
                container.name(),
                container.labels().get(ContainerLabels.DEPLOYMENT),
                state,
                container.address().orElse(null));
    }

    private static AppView.ReleaseView toRelease(Deployment deployment) {
        return new AppView.ReleaseView(
                deployment.id(),
                deployment.image().orElse(null),
                deployment.releaseImage().orElse(null),
                deployment.finishedAt().orElse(null));
    }
}
