package io.slipway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged all-in-one gateway, started as an operator starts it. {@link Pipeline#TUNED} configures it like
 * the floor: no settle time, a stop grace of 1 s, no wait before retiring. {@link Pipeline#DEFAULTS} leaves
 * those to Slipway's defaults. Either way there is no router, and a start sweeps nothing.
 */
final class Gateway implements AutoCloseable {

    /** The pipeline's timing settings. */
    enum Pipeline {
        TUNED,
        DEFAULTS
    }

    static final String TOKEN = "slipway-bench-token";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final long startedNanos;
    private final URI base;

    private Gateway(Process process, long startedNanos, URI base) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.base = base;
    }

    /**
     * @param java the java launcher
     * @param jvmOptions options before {@code -jar}
     * @param dataDir a fresh data directory, or one to reuse
     */
    static Gateway start(Path jar, Path java, List<String> jvmOptions, Engine engine, Path dataDir, int port) {
        return start(jar, java, jvmOptions, engine, dataDir, port, Pipeline.TUNED);
    }

    static Gateway start(
            Path jar, Path java, List<String> jvmOptions, Engine engine, Path dataDir, int port, Pipeline pipeline) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.remove("DOCKER_HOST");
        env.remove("CONTAINER_HOST");
        env.put(engine.hostVariable(), engine.host().toString());
        env.put("SLIPWAY_RUNTIME", engine.name());
        env.put("SLIPWAY_API_TOKEN", TOKEN);
        env.put("SLIPWAY_DATA_DIR", dataDir.toString());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        if (pipeline == Pipeline.TUNED) {
            env.put("SLIPWAY_PIPELINE_SETTLE_TIME", "0s");
            env.put("SLIPWAY_PIPELINE_STOP_GRACE", "1s");
            env.put("SLIPWAY_PIPELINE_WAIT_TO_RETIRE", "0s");
            env.put("SLIPWAY_PIPELINE_PARALLELISM", "20");
        }
        env.put("SLIPWAY_ROUTER", "none");
        // The floor's containers share the engine: a start must not sweep them.
        env.put("SLIPWAY_PIPELINE_REMOVE_LEFTOVERS_ON_START", "false");
        try {
            Files.createDirectories(dataDir);
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(
                    dataDir.resolve("gateway.log").toFile()));
            long started = System.nanoTime();
            Process process = builder.start();
            Gateway gateway = new Gateway(process, started, URI.create("http://127.0.0.1:" + port));
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until readiness answers 200 and says how long that took from the process start. */
    Duration awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = startedNanos + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + "; see its log");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            EngineFloor.sleep(Duration.ofMillis(5));
        }
        throw new IllegalStateException("the gateway was not ready within " + START_TIMEOUT);
    }

    long pid() {
        return process.pid();
    }

    SlipwayApi api() {
        return new SlipwayApi(base, TOKEN);
    }

    /** Resident set size of the gateway's JVM, in MiB, from /proc. */
    double residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** SIGTERM, then waits: a JVM writes its start-up cache on a normal exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
