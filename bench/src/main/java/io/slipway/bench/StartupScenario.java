package io.slipway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Gateway start to healthy, and its resident memory once idle, for the plain JVM and with the JVM's
 * start-up caches: AppCDS on JDK 17 and the AOT cache of JDK 25. Every start is a restart on an
 * existing data directory, as an operator's restarts are; a cache is trained by one start that
 * serves a few requests and exits normally.
 */
final class StartupScenario {

    record Variant(String name, Path java, List<String> options, List<String> training) {}

    record Result(String variant, Samples ready, Samples resident) {}

    private static final Duration IDLE = Duration.ofSeconds(5);

    private final Path jar;
    private final Engine engine;
    private final Path work;
    private final int port;

    StartupScenario(Path jar, Engine engine, Path work, int port) {
        this.jar = jar;
        this.engine = engine;
        this.work = work;
        this.port = port;
    }

    static List<Variant> variants(Path jdk17, Path jdk25, List<String> options, Path caches) {
        List<String> appCds = new ArrayList<>(options);
        appCds.add("-XX:SharedArchiveFile=" + caches.resolve("gateway.jsa"));
        List<String> appCdsTraining = new ArrayList<>(options);
        appCdsTraining.add("-XX:ArchiveClassesAtExit=" + caches.resolve("gateway.jsa"));
        List<String> aot = new ArrayList<>(options);
        aot.add("-XX:AOTCache=" + caches.resolve("gateway.aot"));
        List<String> aotTraining = new ArrayList<>(options);
        aotTraining.add("-XX:AOTCacheOutput=" + caches.resolve("gateway.aot"));
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("JDK 17, JVM defaults", jdk17, List.of(), List.of()));
        variants.add(new Variant("JDK 17, scripts/run options", jdk17, options, List.of()));
        variants.add(new Variant("JDK 17 + AppCDS", jdk17, appCds, appCdsTraining));
        if (Files.isExecutable(jdk25)) {
            variants.add(new Variant("JDK 25, scripts/run options", jdk25, options, List.of()));
            variants.add(new Variant("JDK 25 + AOT cache", jdk25, aot, aotTraining));
        }
        return variants;
    }

    Result measure(Variant variant, int runs) {
        Path data = work.resolve(variant.name().replaceAll("[^A-Za-z0-9]+", "-"));
        // The first start creates the database (or trains the cache); restarts are what is measured.
        List<String> first = variant.training().isEmpty() ? variant.options() : variant.training();
        try (Gateway gateway = Gateway.start(jar, variant.java(), first, engine, data, port)) {
            gateway.awaitReady();
            gateway.api().send(gateway.api().get("/api/v1/apps"));
        }
        Samples ready = new Samples();
        Samples resident = new Samples();
        for (int i = 0; i < runs; i++) {
            try (Gateway gateway = Gateway.start(jar, variant.java(), variant.options(), engine, data, port)) {
                ready.add(gateway.awaitReady());
                gateway.api().send(gateway.api().get("/api/v1/apps"));
                EngineFloor.sleep(IDLE);
                resident.add(gateway.residentMiB());
            }
        }
        BenchMain.progress("start-up, " + variant.name() + ": " + Math.round(ready.median()) + " ms");
        return new Result(variant.name(), ready, resident);
    }
}
