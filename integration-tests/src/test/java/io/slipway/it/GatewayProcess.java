package io.slipway.it;

import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged gateway run as an operator runs it, a separate JVM with its data directory and a token: the
 * all-in-one gateway ({@code api-gateway/target/quarkus-app/quarkus-run.jar}) on a real engine, or the
 * PostgreSQL build of it in remote mode, with no engine of its own.
 */
final class GatewayProcess {

    static final String TOKEN = "e2e-" + Long.toHexString(System.nanoTime());
    /** Where the router serves the apps of the gateway under test. */
    static final int ROUTER_PORT = 18091;

    private static final Path JAR = Path.of("..", "api-gateway", "target", "quarkus-app", "quarkus-run.jar");
    static final Path POSTGRESQL_JAR =
            Path.of("..", "api-gateway", "target", "postgresql", "quarkus-app", "quarkus-run.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final TestEngine engine;
    private final Path jar;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final Map<String, String> settings = new HashMap<>();
    private Process process;

    GatewayProcess(TestEngine engine) throws IOException {
        this(JAR, engine);
    }

    /** A gateway of {@code jar} in remote mode: no engine; the caller gives database and broker settings. */
    static GatewayProcess remote(Path jar) throws IOException {
        return new GatewayProcess(jar, null).with("SLIPWAY_ENGINE", "remote");
    }

    private GatewayProcess(Path jar, TestEngine engine) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(
                    "no packaged gateway at " + jar.toAbsolutePath() + ": build it with ./mvnw -B verify");
        }
        this.jar = jar;
        this.engine = engine;
        this.dataDir = Files.createTempDirectory(Path.of("target"), "gateway-data-");
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        this.port = freePort();
    }

    /** An environment variable of the gateway's, beyond those every test gets. */
    GatewayProcess with(String variable, String value) {
        settings.put(variable, value);
        return this;
    }

    URI uri() {
        return URI.create("http://localhost:" + port);
    }

    Path dataDir() {
        return dataDir;
    }

    void start() throws IOException, InterruptedException {
        process = launch();
        awaitUp();
    }

    /**
     * Starts it as {@link #start()} does, for a start that must fail: waits until it exits on its own.
     *
     * @return its exit code
     */
    int startExpectingExit(Duration timeout) throws IOException, InterruptedException {
        process = launch();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("the gateway still ran after " + timeout + "; its log:\n" + log());
        }
        return process.exitValue();
    }

    private Process launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toString()));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("SLIPWAY_DATA_DIR", dataDir.toAbsolutePath().toString());
        builder.environment().put("SLIPWAY_API_TOKEN", TOKEN);
        if (engine != null) {
            builder.environment().put("SLIPWAY_RUNTIME", engine.name().startsWith("podman") ? "podman" : "docker");
            builder.environment()
                    .put(
                            engine.name().startsWith("podman") ? "CONTAINER_HOST" : "DOCKER_HOST",
                            engine.endpoint().toString());
        }
        // Tasks need no network; web processes publish their port on the engine's default network.
        builder.environment().put("SLIPWAY_NETWORK", "none");
        builder.environment().put("SLIPWAY_PIPELINE_SETTLE_TIME", "1s");
        builder.environment().put("SLIPWAY_PIPELINE_WAIT_TO_RETIRE", "1s");
        // Caddy as scripts/services runs it, serving the apps on a loopback port of the tests' own.
        builder.environment().put("SLIPWAY_ROUTER", "caddy");
        builder.environment().put("SLIPWAY_CADDY_ADMIN", TestEngines.endpoint("caddy.admin"));
        builder.environment().put("SLIPWAY_ROUTER_LISTEN", "127.0.0.1:" + ROUTER_PORT);
        builder.environment().putAll(settings);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return builder.start();
    }

    /** A clean shutdown, as an operator's stop would do. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** A crash: no shutdown hooks, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** The gateway's output so far, for a failure's message. */
    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitUp() throws IOException, InterruptedException {
        Readiness.await("the gateway", process, uri(), log, START_TIMEOUT);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
