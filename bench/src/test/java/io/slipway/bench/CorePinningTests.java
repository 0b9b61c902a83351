package io.slipway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorePinningTests {

    @Test
    void expandsTheKernelsCoreLists() {
        assertThat(CorePinning.expand("0")).containsExactly(0);
        assertThat(CorePinning.expand("0-1")).containsExactly(0, 1);
        assertThat(CorePinning.expand("0-2,5,7-8")).containsExactly(0, 1, 2, 5, 7, 8);
    }

    @Test
    void readsTheCoresOfARunningProcess() {
        String own = CorePinning.allowedCores(ProcessHandle.current().pid());

        assertThat(CorePinning.expand(own)).isNotEmpty();
    }

    @Test
    void placementSaysWhereEachRanOrThatNothingWasPinned() {
        assertThat(new CorePinning.Placement(true, "0", "1").describe())
                .isEqualTo(
                        "The gateway ran on core 0 and the load generator (the harness's JVM) on core 1 (`taskset`).");
        assertThat(new CorePinning.Placement(false, "0", "0").describe())
                .isEqualTo(
                        "Not pinned: the harness had one core (0), which the gateway and the load generator shared.");
    }
}
