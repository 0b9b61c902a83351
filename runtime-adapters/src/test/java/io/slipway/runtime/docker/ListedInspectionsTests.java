package io.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a container's last inspection stands for a new one: only when the listing proves nothing changed. */
class ListedInspectionsTests {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String UP_5_MINUTES = "running Up 5 minutes";

    @Test
    void aRunningContainerListedInTheSameWordsSecondsAgoAfterMinutesUpHasNotRestarted() {
        ListedInspections.Last last =
                last(ContainerState.RUNNING, NOW.minusSeconds(300), UP_5_MINUTES, NOW.minusSeconds(5));

        assertThat(last.holdsFor(UP_5_MINUTES, NOW)).isTrue();
    }

    @Test
    void otherWordsMeanAnotherInspection() {
        ListedInspections.Last last =
                last(ContainerState.RUNNING, NOW.minusSeconds(300), UP_5_MINUTES, NOW.minusSeconds(5));

        assertThat(last.holdsFor("running Up 3 seconds", NOW)).as("restarted").isFalse();
        assertThat(last.holdsFor("running Up 5 minutes (unhealthy)", NOW)).isFalse();
        assertThat(last.holdsFor("exited Exited (3) 1 second ago", NOW)).isFalse();
    }

    @Test
    void aContainerUpLessThanTwoMinutesWhenListedIsInspectedAgainAsItsWordsAreInSeconds() {
        // Up 30 s at one listing, restarted, up 30 s again at the next: the same words.
        ListedInspections.Last last =
                last(ContainerState.RUNNING, NOW.minusSeconds(35), "running Up 30 seconds", NOW.minusSeconds(5));

        assertThat(last.holdsFor("running Up 30 seconds", NOW)).isFalse();
    }

    @Test
    void aListingAMinuteOldOrOlderProvesNothingAboutNow() {
        ListedInspections.Last last =
                last(ContainerState.RUNNING, NOW.minusSeconds(600), UP_5_MINUTES, NOW.minus(ListedInspections.RECENT));

        assertThat(last.holdsFor(UP_5_MINUTES, NOW)).isFalse();
    }

    @Test
    void aContainerThatIsNotRunningIsAlwaysInspected() {
        ListedInspections.Last last = last(
                ContainerState.RESTARTING,
                NOW.minusSeconds(600),
                "restarting Restarting (3) 5 minutes ago",
                NOW.minusSeconds(5));

        assertThat(last.holdsFor("restarting Restarting (3) 5 minutes ago", NOW))
                .isFalse();
    }

    @Test
    void anInspectionWithoutAStartIsNeverReused() {
        ListedInspections.Last last = new ListedInspections.Last(
                new ContainerInfo("c1", "web", "app", ContainerState.RUNNING, 0, Map.of(), 0, false, Optional.empty()),
                UP_5_MINUTES,
                NOW.minusSeconds(5));

        assertThat(last.holdsFor(UP_5_MINUTES, NOW)).isFalse();
    }

    private static ListedInspections.Last last(
            ContainerState state, Instant startedAt, String listing, Instant listedAt) {
        ContainerInfo inspected = new ContainerInfo(
                "c1", "web", "app", state, 0, Map.of(), 2, true, Optional.empty(), Optional.of(startedAt));
        return new ListedInspections.Last(inspected, listing, listedAt);
    }
}
