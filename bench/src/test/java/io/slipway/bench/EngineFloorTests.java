package io.slipway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The clean-up between runs finds the images the benchmarks made, as each engine names them, and no other. */
class EngineFloorTests {

    @Test
    void findsTheBenchmarksImagesHoweverTheEngineNamesThem() {
        assertThat(EngineFloor.isBenchImage("slipway-bench/floor-p1-5653:latest"))
                .isTrue();
        assertThat(EngineFloor.isBenchImage("localhost/slipway-bench/cli-3:latest"))
                .isTrue();
        assertThat(EngineFloor.isBenchImage("docker.io/slipway-bench/floor-p17-5653:latest"))
                .isTrue();
        assertThat(EngineFloor.isBenchImage("docker.io/slipway/" + BenchApp.APP_PREFIX + "par-00:release-1"))
                .isTrue();
    }

    @Test
    void leavesEveryOtherImage() {
        assertThat(EngineFloor.isBenchImage("docker.io/slipway/shop:release-1")).isFalse();
        assertThat(EngineFloor.isBenchImage("localhost/slipway/left:current")).isFalse();
        assertThat(EngineFloor.isBenchImage("docker.io/library/busybox:latest")).isFalse();
        assertThat(EngineFloor.isBenchImage("example.org/slipway-bench/floor-1:latest"))
                .isFalse();
    }
}
