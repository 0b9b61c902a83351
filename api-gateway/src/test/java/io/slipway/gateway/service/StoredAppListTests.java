package io.slipway.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.gateway.AppView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StoredAppListTests {

    private final AppViewChanges changes = new AppViewChanges();
    private final AtomicInteger builds = new AtomicInteger();
    private final Supplier<List<AppView>> build = () -> {
        builds.incrementAndGet();
        return List.of();
    };

    @Test
    void readsWithNothingChangedShareOneBuild() {
        StoredAppList list = new StoredAppList(changes, Optional.empty());

        list.get(build);
        list.get(build);
        list.get(build);

        assertThat(builds).hasValue(1);
    }

    @Test
    void aChangeEndedSinceTheBuildMakesTheNextReadBuildAgain() {
        StoredAppList list = new StoredAppList(changes, Optional.empty());
        list.get(build);

        changes.ended();
        list.get(build);
        list.get(build);

        assertThat(builds).hasValue(2);
    }

    @Test
    void aChangeEndingWhileTheListIsBuiltIsNotMissed() {
        StoredAppList list = new StoredAppList(changes, Optional.empty());
        list.get(() -> {
            builds.incrementAndGet();
            changes.ended();
            return List.of();
        });

        list.get(build);

        assertThat(builds).hasValue(2);
    }

    @Test
    void aListOlderThanItsMaxAgeIsBuiltAgainForWhatOtherReplicasStored() {
        StoredAppList list = new StoredAppList(changes, Optional.of(Duration.ZERO));

        list.get(build);
        list.get(build);

        assertThat(builds).hasValue(2);
    }
}
