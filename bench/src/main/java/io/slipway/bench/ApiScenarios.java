package io.slipway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** What a client of the API waits for: a log line from a task, and status reads under load. */
final class ApiScenarios {

    static final int RATE = 500;
    /**
     * Long enough for the JIT compiler to have done most of its work: after 5 s of each request, compiling still
     * took more than half of the gateway's core during the measured load (BENCHMARKS.md, the status API's
     * profile), so the tails measured that rather than the gateway serving.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(30);

    /**
     * One request's measured load, and the processor time the gateway's process used while it ran (every thread: the
     * request workers, the event loop, the JIT compiler, the collector, the engine's report): the cost of an answer,
     * which unlike the tail does not depend on what else shares the core.
     */
    record StatusLoad(FixedRateLoad.Result load, Duration gatewayCpu) {

        double cpuMillisPerAnswer() {
            return gatewayCpu.toNanos() / 1e6 / Math.max(1, load.latencies().size());
        }
    }

    record Result(
            Samples logLatency, Map<String, StatusLoad> status, CorePinning.Placement placement, BenchSize size) {}

    private final SlipwayApi api;
    private final long gatewayPid;
    private final BenchSize size;
    private final Profiler profiler;

    ApiScenarios(SlipwayApi api, long gatewayPid, BenchSize size, Profiler profiler) {
        this.api = api;
        this.profiler = profiler;
        this.gatewayPid = gatewayPid;
        this.size = size;
    }

    Result run() {
        Samples logLatency = logLatency(3);
        BenchMain.progress("log latency: " + logLatency.size() + " lines");
        String someDeployment = storeApps();
        Map<String, StatusLoad> status = new LinkedHashMap<>();
        CorePinning.Placement placement;
        // The gateway on one core, the load generator on another: the tails are then the gateway's.
        try (CorePinning pinning = CorePinning.pin(gatewayPid)) {
            placement = pinning.placement();
            BenchMain.progress("status latency: " + placement.describe());
            List<String> paths = List.of("/api/v1/deployments/" + someDeployment, "/api/v1/apps");
            // Warmed up on its one core before any is measured: its compiler threads share that core now.
            for (String path : paths) {
                FixedRateLoad.run(api.http(), api.get(path), RATE, WARM_UP);
            }
            for (String path : paths) {
                String request = path.replace(someDeployment, "{id}");
                Duration cpuBefore = gatewayCpu();
                FixedRateLoad.Result result = profiler.during(
                        "status-" + (request.endsWith("{id}") ? "deployment" : "apps"),
                        Profiler.Sampling.CPU,
                        () -> FixedRateLoad.run(api.http(), api.get(path), RATE, size.load()));
                status.put(request, new StatusLoad(result, gatewayCpu().minus(cpuBefore)));
                BenchMain.progress(
                        "status latency of " + path + ": " + result.latencies().size() + " answers");
            }
        }
        return new Result(logLatency, status, placement, size);
    }

    /**
     * A predeploy prints the wall clock every 100 ms; the time from its stamp to the line's arrival
     * at an SSE client is the latency. Lines stamped before the client connected are replays from
     * storage, not live lines, and are left out.
     */
    private Samples logLatency(int deploys) {
        Samples latency = new Samples();
        api.createApp("bench-logs");
        for (int i = 0; i < deploys; i++) {
            String id = api.deployImage("bench-logs", BenchApp.LOG_IMAGE);
            long connected = micros(Instant.now());
            JsonNode ended = api.follow(id, line -> {
                long received = micros(Instant.now());
                if (line.startsWith("STAMP ")) {
                    long stamp = Long.parseLong(line.substring(6).strip());
                    if (stamp >= connected) {
                        latency.add((received - stamp) / 1000.0);
                    }
                }
            });
            if (!"SUCCEEDED".equals(ended.path("status").asText())) {
                throw new IllegalStateException("the log-latency deploy ended " + ended.path("reason"));
            }
        }
        return latency;
    }

    /**
     * Stores the size's apps and deployments, each of an
     * image that does not exist (so each fails at once, as real failed deployments do, phases and all).
     *
     * @return the id of one successful deployment to read
     */
    private String storeApps() {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> lastOfEach = new ArrayList<>();
        try {
            List<java.util.concurrent.Future<String>> last = new ArrayList<>();
            for (int a = 0; a < size.storedApps(); a++) {
                String app = String.format("bench-stored-%03d", a);
                last.add(pool.submit(() -> {
                    api.createApp(app);
                    String id = null;
                    for (int d = 0; d < size.storedDeployments() / size.storedApps(); d++) {
                        id = api.deployImage(app, "slipway-bench/missing:none");
                    }
                    return id;
                }));
            }
            for (var future : last) {
                lastOfEach.add(future.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("storing apps failed", e);
        } finally {
            pool.shutdown();
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        for (String id : lastOfEach) {
            while (!api.deployment(id).path("finishedAt").isTextual()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("stored deployments did not end within 10 minutes");
                }
                EngineFloor.sleep(Duration.ofMillis(100));
            }
        }
        BenchMain.progress("stored " + size.storedApps() + " apps, " + size.storedDeployments() + " deployments");
        return api.deploySucceeding("bench-logs", BenchApp.IMAGE).path("id").asText();
    }

    /** User and system time of the gateway's process so far. */
    private Duration gatewayCpu() {
        return ProcessHandle.of(gatewayPid)
                .flatMap(process -> process.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no processor time for the gateway " + gatewayPid));
    }

    static long micros(Instant instant) {
        return TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1000;
    }
}
