package io.slipway.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A redeploy of the benchmark app with one HTTP check, through a gateway with Slipway's default pipeline
 * settings and through the tuned one, each from the request to {@code SUCCEEDED} and to the new release's first
 * answer, paired and interleaved with the floor (the order rotating each round).
 */
final class RedeployScenario {

    static final String TUNED_APP = "bench-redeploy-tuned";
    static final String DEFAULTS_APP = "bench-redeploy-defaults";

    record Result(
            String engine,
            int rounds,
            Samples floor,
            Samples tunedSucceeded,
            Samples tunedServing,
            Samples defaultsSucceeded,
            Samples defaultsServing) {}

    private final Engine engine;
    private final EngineFloor floor;
    private final SlipwayApi tuned;
    private final SlipwayApi defaults;
    private String floorWeb;

    RedeployScenario(Engine engine, EngineFloor floor, SlipwayApi tuned, SlipwayApi defaults) {
        this.engine = engine;
        this.floor = floor;
        this.tuned = tuned;
        this.defaults = defaults;
    }

    Result run(int rounds) {
        Result result = new Result(
                engine.name(), rounds, new Samples(), new Samples(), new Samples(), new Samples(), new Samples());
        tuned.createApp(TUNED_APP);
        defaults.createApp(DEFAULTS_APP);
        List<Runnable> contenders = List.of(
                () -> result.floor().add(DeployScenarios.time(this::floorDeploy)),
                () -> redeploy(tuned, TUNED_APP, result.tunedSucceeded(), result.tunedServing()),
                () -> redeploy(defaults, DEFAULTS_APP, result.defaultsSucceeded(), result.defaultsServing()));
        // Round 0 leaves each a running release to replace, and warms every path up; it is not counted.
        for (Runnable warmUp : List.<Runnable>of(
                this::floorDeploy,
                () -> tuned.deploySucceeding(TUNED_APP, BenchApp.CHECKED_IMAGE),
                () -> defaults.deploySucceeding(DEFAULTS_APP, BenchApp.CHECKED_IMAGE))) {
            warmUp.run();
        }
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < contenders.size(); i++) {
                contenders.get((i + round) % contenders.size()).run();
            }
            BenchMain.progress(engine.name() + ": redeploy, round " + round + " of " + rounds);
        }
        return result;
    }

    private void floorDeploy() {
        floorWeb = floor.deploy("re-" + System.nanoTime(), Optional.ofNullable(floorWeb));
    }

    private void redeploy(SlipwayApi api, String app, Samples succeeded, Samples serving) {
        Set<String> before = ServingWatch.webs(floor.client(), app);
        long start = System.nanoTime();
        ServingWatch watch = ServingWatch.start(floor.client(), app, before, start);
        api.deploySucceeding(app, BenchApp.CHECKED_IMAGE);
        succeeded.add(Duration.ofNanos(System.nanoTime() - start));
        serving.add(watch.await());
    }
}
