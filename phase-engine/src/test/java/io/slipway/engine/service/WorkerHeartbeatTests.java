package io.slipway.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerHeartbeatTests {

    @Test
    void aWorkerReportsThreeTimesPerLeaseAndAtLeastEveryFiveSeconds() {
        assertThat(WorkerHeartbeat.interval(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(5));
        assertThat(WorkerHeartbeat.interval(Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(3));
        assertThat(WorkerHeartbeat.interval(Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(5));
    }
}
