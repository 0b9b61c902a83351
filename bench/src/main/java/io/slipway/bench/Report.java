package io.slipway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes one run's results as Markdown tables and a chart of the ratios. */
final class Report {

    static final double ONE_DEPLOY_TARGET = 1.15;
    static final double PARALLEL_TARGET = 1.30;
    static final double REDEPLOY_DEFAULTS_TARGET = 2.0;
    static final double GATEWAY_START_TARGET_MS = 2500;
    static final String GATEWAY_START_VARIANT = "JDK 17, scripts/run options";
    static final double LOG_P95_TARGET_MS = 100;
    static final double STATUS_P99_TARGET_MS = 10;
    static final double FOLLOWERS_GROWTH_TARGET_MIB = 100;

    private final StringBuilder md = new StringBuilder();
    private final List<RatioChart.Bar> bars = new ArrayList<>();
    private List<StartupScenario.Result> starts = List.of();

    void deploys(List<DeployScenarios.Result> results, int rounds) {
        md.append("### One deploy\n\nMedian of ")
                .append(rounds)
                .append(" paired, interleaved rounds (ms); ratios are to the floor of the same run.\n\n")
                .append(
                        "| engine | floor | CLI way | Slipway | CLI way / floor | Slipway / floor | Slipway / CLI way |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (DeployScenarios.Result r : results) {
            double floor = r.floor().median();
            row(
                    r.engine(),
                    ms(floor),
                    ms(r.cli().median()),
                    ms(r.slipway().median()),
                    ratio(r.cli().median() / floor),
                    ratio(r.slipway().median() / floor),
                    ratio(r.slipway().median() / r.cli().median()));
            bars.add(new RatioChart.Bar(
                    r.engine() + ": one deploy, CLI way", r.cli().median() / floor, 0));
            bars.add(new RatioChart.Bar(
                    r.engine() + ": one deploy, Slipway", r.slipway().median() / floor, ONE_DEPLOY_TARGET));
        }
        md.append("\n### Apps at once, and 5 queued deploys of one app\n\n")
                .append(
                        "| engine | apps | floor, all in parallel | Slipway, all at once | ratio | 5 × floor one deploy |"
                                + " Slipway, 5 queued | ratio | order kept |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (DeployScenarios.Result r : results) {
            double parallel = r.slipwayParallel().median() / r.floorParallel().median();
            double fiveFloors = 5 * r.floor().median();
            double queued = r.slipwayQueued().median() / fiveFloors;
            row(
                    r.engine(),
                    Integer.toString(r.parallelApps()),
                    ms(r.floorParallel().median()),
                    ms(r.slipwayParallel().median()),
                    ratio(parallel),
                    ms(fiveFloors),
                    ms(r.slipwayQueued().median()),
                    ratio(queued),
                    r.queuedInOrder() ? "yes" : "**no**");
            bars.add(new RatioChart.Bar(
                    r.engine() + ": " + r.parallelApps() + " apps at once, Slipway", parallel, PARALLEL_TARGET));
            bars.add(new RatioChart.Bar(r.engine() + ": 5 queued, Slipway", queued, 0));
        }
    }

    void redeploys(List<RedeployScenario.Result> results) {
        md.append("\n### A redeploy with the default settings\n\nThe app with one HTTP check; median of ")
                .append(results.get(0).rounds())
                .append(
                        " paired, interleaved rounds (ms) from the request to `SUCCEEDED` and to the new release's first")
                .append(
                        " HTTP answer (serving); tuned: the gateway of the scenarios above; defaults: Slipway's default")
                .append(" pipeline settings; ratios are to the floor of the same rounds.\n\n")
                .append(
                        "| engine | floor | tuned: `SUCCEEDED` | tuned: serving | defaults: `SUCCEEDED` | defaults: serving |"
                                + " defaults `SUCCEEDED` / floor | defaults serving / floor | target |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (RedeployScenario.Result r : results) {
            double floor = r.floor().median();
            double succeeded = r.defaultsSucceeded().median() / floor;
            row(
                    r.engine(),
                    ms(floor),
                    ms(r.tunedSucceeded().median()),
                    ms(r.tunedServing().median()),
                    ms(r.defaultsSucceeded().median()),
                    ms(r.defaultsServing().median()),
                    ratio(succeeded),
                    ratio(r.defaultsServing().median() / floor),
                    "≤ " + ratio(REDEPLOY_DEFAULTS_TARGET));
            bars.add(new RatioChart.Bar(
                    r.engine() + ": redeploy, defaults, to SUCCEEDED", succeeded, REDEPLOY_DEFAULTS_TARGET));
        }
    }

    void api(ApiScenarios.Result result) {
        Samples log = result.logLatency();
        md.append("\n### Log latency (task prints a time stamp → SSE client receives the line)\n\n")
                .append("| lines | p50 | p95 | target p95 |\n| ---: | ---: | ---: | ---: |\n");
        row(Integer.toString(log.size()), ms(log.median()), ms(log.percentile(95)), ms(LOG_P95_TARGET_MS));
        md.append("\n### Status API at ")
                .append(ApiScenarios.RATE)
                .append(" requests/s for ")
                .append(result.size().load().toSeconds())
                .append(" s (open loop), with ")
                .append(result.size().storedApps())
                .append(" apps and ")
                .append(result.size().storedDeployments())
                .append(" deployments stored\n\n")
                .append("| request | answers | failures | p50 | p99 | target p99 | gateway CPU per answer |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<String, ApiScenarios.StatusLoad> entry : result.status().entrySet()) {
            FixedRateLoad.Result load = entry.getValue().load();
            Samples latencies = load.latencies();
            row(
                    "`GET " + entry.getKey() + "`",
                    Integer.toString(latencies.size()),
                    Integer.toString(load.failures()),
                    latencies.size() == 0 ? "—" : ms(latencies.median()),
                    latencies.size() == 0 ? "—" : ms(latencies.percentile(99)),
                    ms(STATUS_P99_TARGET_MS),
                    String.format("%.2f ms", entry.getValue().cpuMillisPerAnswer()));
        }
        md.append("\n").append(result.placement().describe()).append("\n");
    }

    void followers(LogFollowersScenario.Result result, Duration following) {
        md.append("\n### ")
                .append(result.followers())
                .append(" followers of one app's logs for ")
                .append(following.toSeconds())
                .append(" s\n\n")
                .append("The app's web process prints a numbered line five times a second; RSS is the gateway's.\n\n")
                .append("| idle RSS | peak RSS while followed | growth | target growth | lines all saw |"
                        + " followers missing a line or seeing one twice |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
        row(
                mib(result.baselineMiB()),
                mib(result.peakMiB()),
                mib(result.growthMiB()),
                mib(FOLLOWERS_GROWTH_TARGET_MIB),
                Integer.toString(result.commonLines()),
                Integer.toString(result.incomplete()));
    }

    void startup(List<StartupScenario.Result> results) {
        md.append("\n### Gateway start to healthy, and idle resident memory\n\n")
                .append("Restarts on an existing data directory; median of the runs.\n\n")
                .append("| JVM | start to `/q/health/ready` 200 | idle RSS |\n| --- | ---: | ---: |\n");
        for (StartupScenario.Result r : results) {
            row(r.variant(), ms(r.ready().median()), mib(r.resident().median()));
        }
        starts = results;
    }

    /** The CLI's start, in the gateway's start-up section, next to the gateway's start. */
    void cliStart(Samples wall) {
        md.append("\n#### The CLI's start next to the gateway's\n\n")
                .append(
                        "Wall time: `scripts/slipway version` (the packaged CLI, JDK 17) from the command's start to its")
                .append(" exit, after warm-up runs; the gateway from its process start to `/q/health/ready` 200 (the")
                .append(" restarts above).\n\n")
                .append(
                        "| command | runs | best | median | mean | target |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        row(
                "`slipway version`",
                Integer.toString(wall.size()),
                ms(wall.min()),
                ms(wall.median()),
                ms(wall.mean()),
                ms(CliStartScenario.TARGET_MS));
        starts.stream()
                .filter(start -> start.variant().equals(GATEWAY_START_VARIANT))
                .forEach(start -> row(
                        "gateway start, " + start.variant(),
                        Integer.toString(start.ready().size()),
                        ms(start.ready().min()),
                        ms(start.ready().median()),
                        ms(start.ready().mean()),
                        ms(GATEWAY_START_TARGET_MS)));
    }

    void manifestParse(Optional<Path> jmhJson) {
        if (jmhJson.isEmpty()) {
            return;
        }
        try {
            JsonNode runs = SlipwayApi.read(Files.readString(jmhJson.get()));
            md.append("\n### Manifest parsing (JMH)\n\n| benchmark | score | unit |\n| --- | ---: | --- |\n");
            for (JsonNode run : runs) {
                String name = run.path("benchmark").asText().replaceAll(".*\\.", "");
                JsonNode metric = run.path("primaryMetric");
                row(
                        name,
                        String.format("%.3f", metric.path("score").asDouble()),
                        metric.path("scoreUnit").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("results.md"), md.toString());
            RatioChart.write(
                    "Slipway and the CLI way against the engine's floor (lower is better)",
                    bars,
                    dir.resolve("ratios.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(String... cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String ms(double value) {
        return value >= 100 ? String.format("%.0f ms", value) : String.format("%.1f ms", value);
    }

    private static String mib(double value) {
        return String.format("%.0f MiB", value);
    }

    private static String ratio(double value) {
        return String.format("%.2f×", value);
    }
}
