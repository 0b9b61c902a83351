package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.runtime.testing.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI ({@code scripts/slipway}) as an operator runs it, against a packaged gateway on rootful Podman:
 * its output and exit codes are what scripts rely on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliIT {

    private static final Path SLIPWAY = Path.of("..", "scripts", "slipway").toAbsolutePath();
    private static final long COMMAND_TIMEOUT_SECONDS = 600;
    private static final String APP = "cli-" + UUID.randomUUID().toString().substring(0, 6);

    private static GatewayProcess gateway;

    @TempDir
    static Path home;

    record Result(int exit, String out, String err) {}

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = new GatewayProcess(TestEngines.named("podman"));
        gateway.start();
    }

    @AfterAll
    static void stopGateway() throws Exception {
        if (gateway != null) {
            run(home, gatewayEnv(), "apps:destroy", APP, "--confirm", APP);
            gateway.stop();
        }
    }

    @Test
    @Order(1)
    void createsTheAppAndDeploysADirectoryWithoutItsIgnoredFiles() throws Exception {
        Path dir = Files.createDirectories(home.resolve("app"));
        Files.writeString(dir.resolve("Dockerfile"), "FROM slipway/busybox:latest\nCOPY . /app\n");
        Files.writeString(dir.resolve(".dockerignore"), "secret.txt\n");
        Files.writeString(dir.resolve("secret.txt"), "not for the image\n");
        Files.writeString(dir.resolve("kept.txt"), "for the image\n");
        Files.writeString(dir.resolve("Procfile"), "release: ls /app\nweb: exec httpd -f -p $PORT -h /app\n");

        Result created = run(dir, gatewayEnv(), "apps:create", APP);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(Files.readString(dir.resolve(".slipway")).strip()).isEqualTo(APP);

        Result deployed = run(dir, gatewayEnv(), "deploy");

        assertThat(deployed.exit()).as(deployed.out() + deployed.err()).isZero();
        assertThat(deployed.out())
                .contains("-----> BUILD SUCCEEDED", "-----> RELEASE SUCCEEDED", "(changes discarded)")
                .contains("kept.txt")
                .doesNotContain("secret.txt");
    }

    @Test
    @Order(2)
    void runDashIPipesItsInputIntoAConsoleAndExitsWithItsCode() throws Exception {
        Path input = Files.writeString(home.resolve("console-input.txt"), "echo console-$((6*7))\nexit 7\n");

        Result console = run(home, gatewayEnv(), input, "run", "-i", "-a", APP, "--", "sh");

        assertThat(console.exit()).as(console.out() + console.err()).isEqualTo(7);
        assertThat(console.out()).contains("console-42");
    }

    @Test
    @Order(2)
    void aFailingDeployExitsNonZeroWithTheReason() throws Exception {
        Path dir = Files.createDirectories(home.resolve("failing"));
        Files.writeString(dir.resolve("Dockerfile"), "FROM slipway/busybox:latest\n");
        Files.writeString(dir.resolve("Procfile"), "release: echo release-breaks && exit 3\nweb: sleep 3600\n");

        Result deployed = run(dir, gatewayEnv(), "deploy", "--app", APP);

        assertThat(deployed.exit()).as(deployed.out() + deployed.err()).isNotZero();
        assertThat(deployed.out()).contains("release-breaks", "-----> RELEASE FAILED", "exit code 3", "FAILED:");
    }

    @Test
    @Order(3)
    void configSetWithNoRestartStoresTheValueSentInTheBody() throws Exception {
        Result set =
                run(home, gatewayEnv(), "config:set", "GREETING=hello world", "--no-restart", "-a", APP, "--verbose");
        Result got = run(home, gatewayEnv(), "config:get", "GREETING", "-a", APP);

        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.err()).contains("PATCH").contains("deploy=false").doesNotContain("hello");
        assertThat(got.out().strip()).isEqualTo("hello world");
    }

    @Test
    void validatesOfflineWithFileLineColumnAndPath() throws Exception {
        Path dir = Files.createDirectories(home.resolve("invalid"));
        Files.writeString(dir.resolve("app.json"), "{\n  \"scripts\": {\"dokku\": {\"predeploy\": 42}}\n}\n");
        Map<String, String> offline = Map.of("SLIPWAY_URL", "http://127.0.0.1:" + GatewayProcess.freePort());

        Result checked = run(dir, offline, "validate");

        assertThat(checked.exit()).isEqualTo(1);
        assertThat(checked.err()).containsPattern("app\\.json:2:\\d+: scripts\\.dokku\\.predeploy: ");
    }

    @Test
    void aWrongTokenIsOneLineAndExitOne() throws Exception {
        Map<String, String> env = new HashMap<>(gatewayEnv());
        env.put("SLIPWAY_TOKEN", "not-the-token");

        Result listed = run(home, env, "apps");

        assertThat(listed.exit()).isEqualTo(1);
        assertThat(listed.err().lines()).hasSize(1);
        assertThat(listed.err()).contains("Unauthorized").doesNotContain("not-the-token");
    }

    @Test
    void anUnreachableGatewayIsOneLineWithTheUrlAndExitOne() throws Exception {
        String url = "http://127.0.0.1:" + GatewayProcess.freePort();

        Result listed = run(home, Map.of("SLIPWAY_URL", url, "SLIPWAY_TOKEN", "t"), "apps");

        assertThat(listed.exit()).isEqualTo(1);
        assertThat(listed.err().lines()).hasSize(1);
        assertThat(listed.err()).contains("cannot reach the gateway at " + url);
    }

    @Test
    void aUsageErrorExitsTwo() throws Exception {
        Result destroyed = run(home, gatewayEnv(), "apps:destroy", APP);

        assertThat(destroyed.exit()).isEqualTo(2);
        assertThat(destroyed.err()).contains("--confirm");
    }

    private static Map<String, String> gatewayEnv() {
        return Map.of("SLIPWAY_URL", gateway.uri().toString(), "SLIPWAY_TOKEN", GatewayProcess.TOKEN);
    }

    private static Result run(Path dir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return run(dir, env, Path.of("/dev/null"), args);
    }

    private static Result run(Path dir, Map<String, String> env, Path input, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SLIPWAY.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(input.toFile()));
        builder.environment().remove("SLIPWAY_URL");
        builder.environment().remove("SLIPWAY_TOKEN");
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(
                    "slipway " + String.join(" ", args) + " ran longer than " + COMMAND_TIMEOUT_SECONDS + " s");
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
