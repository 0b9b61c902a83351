package io.slipway.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs every benchmark in one invocation and writes {@code results.md} and {@code ratios.png}.
 * {@code bench/run} is the documented way to call it; see BENCHMARKS.md.
 */
public final class BenchMain {

    private static final String USAGE = """
            usage: BenchMain --jar GATEWAY_JAR --cli-deploy SCRIPT --out DIR
                             [--podman unix:///...] [--docker unix:///...] [--rounds N] [--quick]
                             [--jdk17 JAVA_HOME] [--jdk25 JAVA_HOME] [--gateway-options "..."] [--jmh FILE]
                             [--slipway-cli scripts/slipway] [--only deploys,redeploy,api,followers,startup]
                             [--profile DIR]
            """;
    private static final int PORT = 18190;
    private static final Set<String> SCENARIOS = Set.of("deploys", "redeploy", "api", "followers", "startup");
    private static final Instant STARTED = Instant.now();

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (options.containsKey("help") || !options.containsKey("jar")) {
            System.out.print(USAGE);
            return;
        }
        Path jar = Path.of(options.get("jar")).toAbsolutePath();
        Path cliDeploy = Path.of(options.get("cli-deploy")).toAbsolutePath();
        Path out = Path.of(options.get("out")).toAbsolutePath();
        BenchSize size = options.containsKey("quick") ? BenchSize.QUICK : BenchSize.FULL;
        if (options.containsKey("rounds")) {
            size = size.withRounds(Integer.parseInt(options.get("rounds")));
        }
        List<String> gatewayOptions = Arrays.stream(
                        options.getOrDefault("gateway-options", "").split(" "))
                .filter(option -> !option.isBlank())
                .toList();
        Path jdk17 = Path.of(options.getOrDefault("jdk17", System.getProperty("java.home")), "bin", "java");
        Path jdk25 = Path.of(options.getOrDefault("jdk25", "/nonexistent"), "bin", "java");
        Path work = Files.createTempDirectory("slipway-bench-");

        List<Engine> engines = new ArrayList<>();
        Optional.ofNullable(options.get("podman"))
                .map(URI::create)
                .map(Engine::podman)
                .ifPresent(engines::add);
        Optional.ofNullable(options.get("docker"))
                .map(URI::create)
                .map(Engine::docker)
                .ifPresent(engines::add);
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("name at least one engine (--podman, --docker)");
        }

        Set<String> only =
                options.containsKey("only") ? Set.of(options.get("only").split(",")) : SCENARIOS;
        Report report = new Report();
        List<DeployScenarios.Result> deploys = new ArrayList<>();
        List<RedeployScenario.Result> redeploys = new ArrayList<>();
        ApiScenarios.Result api = null;
        LogFollowersScenario.Result followers = null;
        for (Engine engine : engines) {
            try (EngineFloor floor = new EngineFloor(engine)) {
                floor.removeLeftovers();
                floor.build(BenchApp.context(), BenchApp.IMAGE);
                floor.build(BenchApp.logLatencyContext(), BenchApp.LOG_IMAGE);
                floor.build(BenchApp.tickerContext(), BenchApp.TICKER_IMAGE);
                floor.build(BenchApp.checkedContext(), BenchApp.CHECKED_IMAGE);
                try (Gateway gateway =
                        Gateway.start(jar, jdk17, gatewayOptions, engine, work.resolve(engine.name()), PORT)) {
                    gateway.awaitReady();
                    Profiler profiler = Optional.ofNullable(options.get("profile"))
                            .map(dir -> Profiler.of(Path.of(dir), gateway.pid()))
                            .orElseGet(Profiler::none);
                    if (only.contains("deploys")) {
                        deploys.add(new DeployScenarios(engine, floor, gateway.api(), cliDeploy, size, profiler)
                                .run(size.rounds()));
                    }
                    if (engine == engines.get(0) && only.contains("api")) {
                        api = new ApiScenarios(gateway.api(), gateway.pid(), size, profiler).run();
                    }
                    if (engine == engines.get(0) && only.contains("followers")) {
                        followers = new LogFollowersScenario(gateway, gateway.api())
                                .run(size.logFollowers(), size.following());
                    }
                    if (only.contains("redeploy")) {
                        redeploys.add(redeploy(engine, floor, gateway, jar, jdk17, gatewayOptions, work, size));
                    }
                } finally {
                    floor.removeLeftovers();
                }
            }
        }
        if (!deploys.isEmpty()) {
            report.deploys(deploys, size.rounds());
        }
        if (!redeploys.isEmpty()) {
            report.redeploys(redeploys);
        }
        if (api != null) {
            report.api(api);
        }
        if (followers != null) {
            report.followers(followers, size.following());
        }
        if (only.contains("startup")) {
            startup(report, jar, engines.get(0), work, jdk17, jdk25, gatewayOptions, size);
            int cliStarts = size.cliStarts();
            Optional.ofNullable(options.get("slipway-cli"))
                    .map(Path::of)
                    .map(script -> new CliStartScenario(script, jdk17).measure(cliStarts))
                    .ifPresent(report::cliStart);
        }
        report.manifestParse(Optional.ofNullable(options.get("jmh")).map(Path::of));
        report.write(out);
        progress("results in " + out + " (work files in " + work + ")");
    }

    /** The redeploy scenario, with a second gateway on Slipway's default pipeline settings beside the tuned one. */
    private static RedeployScenario.Result redeploy(
            Engine engine,
            EngineFloor floor,
            Gateway tuned,
            Path jar,
            Path jdk17,
            List<String> gatewayOptions,
            Path work,
            BenchSize size) {
        Path data = work.resolve(engine.name() + "-defaults");
        try (Gateway defaults =
                Gateway.start(jar, jdk17, gatewayOptions, engine, data, PORT + 1, Gateway.Pipeline.DEFAULTS)) {
            defaults.awaitReady();
            return new RedeployScenario(engine, floor, tuned.api(), defaults.api()).run(size.redeployRounds());
        }
    }

    private static void startup(
            Report report,
            Path jar,
            Engine engine,
            Path work,
            Path jdk17,
            Path jdk25,
            List<String> gatewayOptions,
            BenchSize size)
            throws IOException {
        StartupScenario startup = new StartupScenario(jar, engine, work.resolve("startup"), PORT);
        Path caches = Files.createDirectories(work.resolve("caches"));
        List<StartupScenario.Result> starts = new ArrayList<>();
        for (StartupScenario.Variant variant : StartupScenario.variants(jdk17, jdk25, gatewayOptions, caches)) {
            starts.add(startup.measure(variant, size.starts()));
        }
        report.startup(starts);
    }

    static void progress(String message) {
        long seconds = Duration.between(STARTED, Instant.now()).toSeconds();
        System.out.printf("bench [%4ds] %s%n", seconds, message);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "\n" + USAGE);
            }
            String name = args[i].substring(2);
            if (name.equals("help") || name.equals("quick")) {
                options.put(name, "");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value\n" + USAGE);
            }
        }
        return options;
    }
}
