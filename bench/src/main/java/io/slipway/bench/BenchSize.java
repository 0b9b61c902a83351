package io.slipway.bench;

import java.time.Duration;

/**
 * How much each scenario does. {@link #FULL} is what BENCHMARKS.md reports; {@link #QUICK} only
 * checks that the harness itself works, in a few minutes, and its numbers mean little.
 */
record BenchSize(
        int rounds,
        int parallelApps,
        int parallelRounds,
        int storedApps,
        int storedDeployments,
        Duration load,
        int starts,
        int logFollowers,
        Duration following,
        int redeployRounds,
        int cliStarts) {

    static final BenchSize FULL =
            new BenchSize(5, 20, 2, 200, 2000, Duration.ofSeconds(10), 2, 500, Duration.ofSeconds(30), 3, 20);
    static final BenchSize QUICK =
            new BenchSize(1, 3, 1, 10, 50, Duration.ofSeconds(2), 1, 20, Duration.ofSeconds(5), 1, 3);

    BenchSize withRounds(int value) {
        return new BenchSize(
                value,
                parallelApps,
                parallelRounds,
                storedApps,
                storedDeployments,
                load,
                starts,
                logFollowers,
                following,
                redeployRounds,
                cliStarts);
    }
}
