package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.runtime.testing.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * {@code run -i} at a terminal: script(1) (util-linux, on every Debian) runs the CLI on a pseudo-terminal whose
     * keys the test types. The console gets the terminal's size and each new size; Ctrl-C reaches the remote command
     * instead of ending the CLI (raw mode); the CLI exits with the shell's code.
     */
    @Test
    @Order(2)
    void runDashIAtATerminalSendsEveryKeyAndTheWindowSize() throws Exception {
        Path ttyName = home.resolve("tty-name.txt");
        String cli =
                "tty > " + ttyName + " && stty rows 37 cols 111 && exec " + SLIPWAY + " run -i -a " + APP + " -- sh";
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", cli, "/dev/null")
                .directory(home.toFile())
                .redirectErrorStream(true);
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().putAll(gatewayEnv());
        Process process = builder.start();
        try (Terminal terminal = new Terminal(process)) {
            terminal.type("stty size; echo size-$((6*7))\r");
            terminal.await("size-42", Duration.ofSeconds(60));
            assertThat(terminal.output()).contains("37 111");

            String tty = Files.readString(ttyName).strip();
            Process resize = new ProcessBuilder("stty", "-F", tty, "rows", "21", "cols", "99")
                    .redirectErrorStream(true)
                    .start();
            assertThat(resize.waitFor())
                    .as(new String(resize.getInputStream().readAllBytes()))
                    .isZero();
            // The new size travels apart from the keys (the window's signal, then a message of its own): asked
            // until it is there.
            for (int asked = 0; asked < 30 && !terminal.output().contains("21 99"); asked++) {
                terminal.type("stty size; echo resized-" + asked + "-$((6*7))\r");
                terminal.await("resized-" + asked + "-42", Duration.ofSeconds(30));
            }
            assertThat(terminal.output()).contains("21 99");

            terminal.type("sleep 300\r");
            Thread.sleep(2000);
            terminal.type("\u0003");
            terminal.type("echo interrupted-$((6*7))\r");
            terminal.await("interrupted-42", Duration.ofSeconds(60));
            assertThat(process.isAlive()).as(terminal.output()).isTrue();

            terminal.type("exit 7\r");
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as(terminal.output())
                    .isTrue();
            assertThat(process.exitValue()).as(terminal.output()).isEqualTo(7);
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    /** The keyboard and screen of a pseudo-terminal that script(1) runs a command on. */
    private static final class Terminal implements AutoCloseable {

        private final StringBuffer screen = new StringBuffer();
        private final Process process;
        private final Thread reader;

        Terminal(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try (var in = process.getInputStream()) {
                    for (int read; (read = in.read(buffer)) >= 0; ) {
                        screen.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    }
                } catch (IOException ended) {
                    // the process went away; what it wrote is in the screen
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void type(String keys) throws IOException {
            process.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        void await(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!screen.toString().contains(text)) {
                if (System.nanoTime() > deadline || !process.isAlive() && !reader.isAlive()) {
                    throw new AssertionError(
                            "no '" + text + "' on the terminal within " + timeout + "; it shows:\n" + screen);
                }
                Thread.sleep(100);
            }
        }

        String output() {
            return screen.toString();
        }

        @Override
        public void close() throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        }
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
