package io.slipway.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkerChannelsTests {

    @Test
    void aPoolsWorkersReadItsTopicInItsGroupAndNeverCreateTopics() {
        assertThat(WorkerChannels.poolConsumer("edge"))
                .containsEntry("mp.messaging.incoming.deploy-requests.topic", "deploy-requests.edge")
                .containsEntry("mp.messaging.incoming.deploy-requests.group.id", "slipway-pool-edge")
                .containsEntry("mp.messaging.incoming.deploy-requests.allow.auto.create.topics", "false")
                .containsEntry("mp.messaging.incoming.deploy-requests.commit-strategy", "throttled")
                .containsEntry("mp.messaging.incoming.deploy-requests.throttled.unprocessed-record-max-age.ms", "0");
    }

    @Test
    void aPoolNameThatIsNoDnsLabelIsRefused() {
        assertThatThrownBy(() -> WorkerChannels.poolConsumer("Edge.1")).hasMessageContaining("SLIPWAY_POOL");
        assertThatThrownBy(() -> WorkerChannels.poolConsumer("a".repeat(64))).hasMessageContaining("SLIPWAY_POOL");
    }
}
