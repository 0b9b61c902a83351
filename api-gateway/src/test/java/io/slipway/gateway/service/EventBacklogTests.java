package io.slipway.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The decisions that keep refused events without filling the heap: when the inbox waits, and how long a retry does. */
class EventBacklogTests {

    @Test
    void theInboxTakesEventsAtOnceBelowTheBound() {
        EventBacklog backlog = new EventBacklog(3);

        assertThat(backlog.added()).isCompleted();
        assertThat(backlog.added()).isCompleted();
        assertThat(backlog.waiting()).isEqualTo(2);
    }

    @Test
    void atTheBoundTheInboxWaitsUntilStoredEventsMakeRoom() {
        EventBacklog backlog = new EventBacklog(3);
        backlog.added();
        backlog.added();

        CompletionStage<Void> third = backlog.added();
        assertThat(third).isNotCompleted();
        backlog.removed(0);
        assertThat(third).isNotCompleted();

        backlog.removed(1);
        assertThat(third).isCompleted();
        assertThat(backlog.added()).as("the bound is reached again").isNotCompleted();
    }

    @Test
    void everyWaitingInboxIsReleasedOnce() {
        EventBacklog backlog = new EventBacklog(1);
        List<CompletionStage<Void>> stages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            stages.add(backlog.added());
        }
        assertThat(stages).allSatisfy(stage -> assertThat(stage).isNotCompleted());

        backlog.removed(3);

        assertThat(stages).allSatisfy(stage -> assertThat(stage).isCompleted());
        assertThat(backlog.waiting()).isZero();
        assertThat(backlog.added())
                .as("empty, the bound of one is reached by one event")
                .isNotCompleted();
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheLongestPause() {
        long pause = DeploymentEventLanes.FIRST_RETRY_PAUSE_MS;
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pauses.add(pause);
            pause = DeploymentEventLanes.nextPause(pause);
        }

        assertThat(pauses).containsExactly(100L, 200L, 400L, 800L, 1600L, 2000L, 2000L, 2000L);
    }

    @Test
    void theBoundKeepsAFewBatchesInTheHeap() {
        assertThat(DeploymentEventLanes.MAX_WAITING).isEqualTo(10 * DeploymentEventLanes.BATCH_SIZE);
    }
}
