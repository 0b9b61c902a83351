package io.slipway.gateway.mapping;

import io.slipway.gateway.AppState;
import io.slipway.gateway.AppView;
import io.slipway.gateway.LimitsSettings;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Apps as the API shows them; their process containers, as the engine reported them, are added by the caller. */
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
                LimitsSettings.of(app.limits()),
                app.sharedNetwork().orElse(null),
                AppState.of(
                        app.currentRelease().isPresent(),
                        latest.filter(Deployment::isActive).isPresent(),
                        app.isStopped()));
    }

    private static AppView.ReleaseView toRelease(Deployment deployment) {
        return new AppView.ReleaseView(
                deployment.id(),
                deployment.image().orElse(null),
                deployment.releaseImage().orElse(null),
                deployment.finishedAt().orElse(null));
    }
}
