package io.slipway.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingAcksTests {

    private final PendingAcks acks = new PendingAcks();
    private final List<String> acknowledged = new ArrayList<>();

    @Test
    void aStartIsAcknowledgedOnlyWhenSettled() {
        acks.hold("d1", () -> acknowledged.add("first"));

        assertThat(acknowledged).isEmpty();
        acks.settle("d1");
        assertThat(acknowledged).containsExactly("first");
    }

    @Test
    void aRedeliveryWhileTheFirstWaitsIsAcknowledgedWithIt() {
        acks.hold("d1", () -> acknowledged.add("first"));
        acks.hold("d1", () -> acknowledged.add("again"));

        assertThat(acknowledged).isEmpty();
        acks.settle("d1");
        assertThat(acknowledged).containsExactly("first", "again");
    }

    @Test
    void aRedeliveryOfASettledStartIsAcknowledgedAtOnce() {
        acks.hold("d1", () -> acknowledged.add("first"));
        acks.settle("d1");

        acks.hold("d1", () -> acknowledged.add("again"));

        assertThat(acknowledged).containsExactly("first", "again");
    }

    @Test
    void settlingOneDeploymentLeavesTheOthersPending() {
        acks.hold("d1", () -> acknowledged.add("d1"));
        acks.hold("d2", () -> acknowledged.add("d2"));

        acks.settle("d2");
        acks.settle("d2");

        assertThat(acknowledged).containsExactly("d2");
    }
}
