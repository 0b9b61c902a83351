package io.slipway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The deploy scenarios on one engine: one deploy (floor, CLI way, Slipway; paired and interleaved,
 * the order rotating each round so drift and warm caches favour none), 20 apps at once against the
 * floor's 20 in parallel, and 5 queued deploys of one app.
 */
final class DeployScenarios {

    static final int QUEUED = 5;

    record Result(
            String engine,
            int parallelApps,
            Samples floor,
            Samples cli,
            Samples slipway,
            Samples floorParallel,
            Samples slipwayParallel,
            Samples slipwayQueued,
            boolean queuedInOrder) {}

    private final Engine engine;
    private final EngineFloor floor;
    private final SlipwayApi api;
    private final Path cliScript;
    private final int parallelApps;
    private final int parallelRounds;
    private final Profiler profiler;
    private final Map<String, String> floorWebs = new HashMap<>();
    private String cliWeb = "";

    DeployScenarios(
            Engine engine, EngineFloor floor, SlipwayApi api, Path cliScript, BenchSize size, Profiler profiler) {
        this.engine = engine;
        this.profiler = profiler;
        this.floor = floor;
        this.api = api;
        this.cliScript = cliScript;
        this.parallelApps = size.parallelApps();
        this.parallelRounds = size.parallelRounds();
    }

    Result run(int rounds) {
        Samples floorOne = new Samples();
        Samples cliOne = new Samples();
        Samples slipwayOne = new Samples();
        api.createApp("bench-one");
        List<Runnable> contenders = List.of(
                () -> floorOne.add(time(() -> floorDeploy("one", "one-" + System.nanoTime()))),
                () -> cliOne.add(time(() -> cliDeploy("cli-" + System.nanoTime()))),
                () -> slipwayOne.add(profiler.during(
                        engine.name() + "-one-deploy",
                        Profiler.Sampling.WALL,
                        () -> time(() -> api.deploySucceeding("bench-one", BenchApp.IMAGE)))));
        // Round 0 warms every path up (and leaves a running web to retire); it is not counted.
        for (int round = 0; round <= rounds; round++) {
            for (int i = 0; i < contenders.size(); i++) {
                int which = (i + round) % contenders.size();
                if (round == 0) {
                    untimed(which).run();
                } else {
                    contenders.get(which).run();
                }
            }
            BenchMain.progress(engine.name() + ": one deploy, round " + round + " of " + rounds);
        }

        Samples floorParallel = new Samples();
        Samples slipwayParallel = new Samples();
        for (int i = 0; i < parallelApps; i++) {
            api.createApp(parallelApp(i));
        }
        // Round 0 leaves each app a running web to retire; it is not counted.
        for (int round = 0; round <= parallelRounds; round++) {
            Duration floorWall =
                    time(() -> inParallel(i -> () -> floorDeploy("p" + i, "p" + i + "-" + System.nanoTime())));
            Supplier<Duration> slipwayRun =
                    () -> time(() -> inParallel(i -> () -> api.deploySucceeding(parallelApp(i), BenchApp.IMAGE)));
            Duration slipwayWall = round == 0
                    ? slipwayRun.get()
                    : profiler.during(
                            engine.name() + "-" + parallelApps + "-at-once", Profiler.Sampling.WALL, slipwayRun);
            if (round > 0) {
                floorParallel.add(floorWall);
                slipwayParallel.add(slipwayWall);
            }
            BenchMain.progress(
                    engine.name() + ": " + parallelApps + " at once, round " + round + " of " + parallelRounds);
        }

        Samples queued = new Samples();
        boolean inOrder = true;
        api.createApp("bench-queue");
        api.deploySucceeding("bench-queue", BenchApp.IMAGE);
        for (int round = 0; round < 2; round++) {
            Instant start = Instant.now();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < QUEUED; i++) {
                ids.add(api.deployImage("bench-queue", BenchApp.IMAGE));
            }
            List<JsonNode> ended = new ArrayList<>();
            for (String id : ids) {
                ended.add(api.follow(id, line -> {}));
            }
            queued.add(Duration.between(start, Instant.now()));
            inOrder &= ranOneAfterAnother(ended);
        }
        return new Result(
                engine.name(),
                parallelApps,
                floorOne,
                cliOne,
                slipwayOne,
                floorParallel,
                slipwayParallel,
                queued,
                inOrder);
    }

    private Runnable untimed(int which) {
        return switch (which) {
            case 0 -> () -> floorDeploy("one", "one-warm");
            case 1 -> () -> cliDeploy("cli-warm");
            default -> () -> api.deploySucceeding("bench-one", BenchApp.IMAGE);
        };
    }

    /** Each succeeded, and each started only after the one before it had finished. */
    private static boolean ranOneAfterAnother(List<JsonNode> ended) {
        for (int i = 0; i < ended.size(); i++) {
            if (!"SUCCEEDED".equals(ended.get(i).path("status").asText())) {
                return false;
            }
            if (i > 0) {
                Instant previousEnd =
                        Instant.parse(ended.get(i - 1).path("finishedAt").asText());
                Instant start = Instant.parse(ended.get(i).path("startedAt").asText());
                if (start.isBefore(previousEnd)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String parallelApp(int i) {
        return String.format("bench-par-%02d", i);
    }

    private void floorDeploy(String app, String name) {
        String web = floor.deploy(name, Optional.ofNullable(floorWebs.get(app)));
        synchronized (floorWebs) {
            floorWebs.put(app, web);
        }
    }

    private void cliDeploy(String name) {
        List<String> command = new ArrayList<>(List.of(cliScript.toString(), BenchApp.IMAGE, name));
        if (!cliWeb.isEmpty()) {
            command.add(cliWeb);
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("BENCH_CLI", String.join(" ", engine.cli()));
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("cli-deploy failed with " + process.exitValue());
            }
            String[] lines = out.strip().split("\n");
            cliWeb = lines[lines.length - 1].strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void inParallel(IntFunction<Runnable> work) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelApps);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (int i = 0; i < parallelApps; i++) {
                Runnable task = work.apply(i);
                Callable<Object> call = () -> {
                    task.run();
                    return null;
                };
                done.add(pool.submit(call));
            }
            for (Future<Object> future : done) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("a parallel deploy failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static Duration time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
