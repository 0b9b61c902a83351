package io.slipway.it;

import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged engine worker ({@code phase-engine/target/quarkus-app/quarkus-run.jar}) run as an operator
 * runs it in distributed mode: one engine, one pool, the broker, and the gateway it claims deployments from.
 */
final class WorkerProcess {

    private static final Path JAR = Path.of("..", "phase-engine", "target", "quarkus-app", "quarkus-run.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String id;
    private final Path log;
    private final int port;
    private final ProcessBuilder builder;
    private Process process;

    WorkerProcess(String id, String pool, TestEngine engine, URI gateway, String workerToken, Duration lease)
            throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new AssertionError(
                    "no packaged worker at " + JAR.toAbsolutePath() + ": build it with ./mvnw -B verify");
        }
        this.id = id;
        this.log = Files.createTempFile(Path.of("target"), "worker-" + id + "-", ".log");
        this.port = GatewayProcess.freePort();
        this.builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                JAR.toString()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestEngines.endpoint("kafka.bootstrap-servers"));
        env.put("SLIPWAY_POOL", pool);
        env.put("SLIPWAY_WORKER_ID", id);
        env.put("SLIPWAY_GATEWAY_URL", gateway.toString());
        env.put("SLIPWAY_WORKER_TOKEN", workerToken);
        env.put("SLIPWAY_WORKER_LEASE", lease.toSeconds() + "s");
        boolean podman = engine.name().startsWith("podman");
        env.put("SLIPWAY_RUNTIME", podman ? "podman" : "docker");
        env.put(podman ? "CONTAINER_HOST" : "DOCKER_HOST", engine.endpoint().toString());
        env.put("SLIPWAY_NETWORK", "none");
        env.put("SLIPWAY_PIPELINE_SETTLE_TIME", "1s");
        env.put("SLIPWAY_PIPELINE_WAIT_TO_RETIRE", "1s");
        // These tests reach the apps at their published loopback ports.
        env.put("SLIPWAY_ROUTER", "none");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    String id() {
        return id;
    }

    void start() throws IOException, InterruptedException {
        process = builder.start();
        awaitReady();
    }

    /** What a crash does: SIGKILL, no shutdown, nothing handed over. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitReady() throws IOException, InterruptedException {
        Readiness.await("worker " + id, process, URI.create("http://localhost:" + port), log, START_TIMEOUT);
    }
}
