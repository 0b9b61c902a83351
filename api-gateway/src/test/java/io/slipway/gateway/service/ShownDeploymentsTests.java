package io.slipway.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentStatus;
import io.slipway.gateway.DeploymentView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ShownDeploymentsTests {

    private final AppViewChanges changes = new AppViewChanges();
    private final AtomicInteger reads = new AtomicInteger();
    private final Function<String, Optional<DeploymentView>> read = id -> {
        reads.incrementAndGet();
        return Optional.of(deployment(id, DeploymentStatus.SUCCEEDED));
    };

    @Test
    void readsWithNothingChangedShareOneDatabaseRead() {
        ShownDeployments shown = new ShownDeployments(changes, true);

        shown.get("d-1", read);
        Optional<DeploymentView> again = shown.get("d-1", read);

        assertThat(reads).hasValue(1);
        assertThat(again).map(DeploymentView::id).contains("d-1");
    }

    @Test
    void aChangeEndedSinceTheReadMakesTheNextOneReadTheDatabase() {
        ShownDeployments shown = new ShownDeployments(changes, true);
        shown.get("d-1", read);

        changes.ended();
        shown.get("d-1", read);
        shown.get("d-1", read);

        assertThat(reads).hasValue(2);
    }

    @Test
    void aChangeEndingWhileTheDeploymentIsReadIsNotMissed() {
        ShownDeployments shown = new ShownDeployments(changes, true);
        shown.get("d-1", id -> {
            reads.incrementAndGet();
            changes.ended();
            return Optional.of(deployment(id, DeploymentStatus.RUNNING));
        });

        Optional<DeploymentView> next = shown.get("d-1", read);

        assertThat(reads).hasValue(2);
        assertThat(next).map(DeploymentView::status).contains(DeploymentStatus.SUCCEEDED);
    }

    @Test
    void aDeploymentNotFoundIsAskedForAgain() {
        ShownDeployments shown = new ShownDeployments(changes, true);
        Function<String, Optional<DeploymentView>> none = id -> {
            reads.incrementAndGet();
            return Optional.empty();
        };

        shown.get("gone", none);
        shown.get("gone", none);

        assertThat(reads).hasValue(2);
    }

    @Test
    void inRemoteModeEveryReadGoesToTheDatabaseForWhatOtherReplicasStored() {
        ShownDeployments shown = new ShownDeployments(changes, false);

        shown.get("d-1", read);
        shown.get("d-1", read);

        assertThat(reads).hasValue(2);
    }

    @Test
    void atMostTheBoundIsKept() {
        ShownDeployments shown = new ShownDeployments(changes, true);
        for (int i = 0; i <= ShownDeployments.KEPT; i++) {
            shown.get("d-" + i, read);
        }

        shown.get("d-0", read);

        assertThat(reads).hasValue(ShownDeployments.KEPT + 2);
    }

    private static DeploymentView deployment(String id, DeploymentStatus status) {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        return new DeploymentView(
                id,
                "app",
                DeploymentKind.IMAGE,
                status,
                "busybox",
                null,
                null,
                null,
                at,
                at,
                at,
                null,
                null,
                List.of(),
                null);
    }
}
