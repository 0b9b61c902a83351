package io.slipway.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimes;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import io.slipway.runtime.testing.TestImages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The all-in-one gateway's data directory fills up while a task prints: the lines wait and are stored once space is
 * back, readiness says the database is down meanwhile, and the deployment ends only once its end is stored. The data
 * directory is a small tmpfs of its own (mounting it needs root, as the services do), filled with a filler file.
 */
class DiskFullIT {

    private static final int LINES = 20_000;
    private static final int FIRST_LINES = 100;
    /** The engine is shared with other builds: a busy one may take longer than the default to answer. */
    private static final Duration BUSY_ENGINE_TIMEOUT = Duration.ofSeconds(30);

    private static final String DATABASE_WRITES = "database writes";

    @Test
    void linesPrintedWhileTheDiskIsFullAreStoredOnceSpaceIsBack() throws Exception {
        String app = "disk-full-" + UUID.randomUUID().toString().substring(0, 6);
        TestEngine engine = TestEngines.named("podman");
        Path dataDir =
                Files.createTempDirectory(Path.of("target"), "disk-full-").toAbsolutePath();
        mount(dataDir);
        Path filler = dataDir.resolve("filler");
        try (ContainerRuntime runtime = ContainerRuntimes.connect(
                        engine.endpoint(), Optional.of(TestEngines.NETWORK), BUSY_ENGINE_TIMEOUT);
                TestImages images = new TestImages(runtime)) {
            String image = images.build(BuildContext.fromBaseImage(
                            "WORKDIR /app", "COPY app.json Procfile print.sh /app/")
                    .file("app.json", "{\"scripts\": {\"dokku\": {\"predeploy\": \"sh /app/print.sh\"}}}")
                    .file("Procfile", "web: exec httpd -f -p $PORT -h /app\n")
                    // A pause after the first lines, in which the test fills the disk; the rest is printed into it.
                    .file(
                            "print.sh",
                            "i=0\nwhile [ $i -lt " + LINES + " ]; do\n"
                                    + "  echo line-$i; i=$((i+1)); if [ $i = " + FIRST_LINES + " ]; then sleep 3; fi\n"
                                    + "done\n"));
            GatewayProcess gateway = new GatewayProcess(engine)
                    .with("SLIPWAY_DATA_DIR", dataDir.toString())
                    .with("SLIPWAY_ENGINE_TIMEOUT", BUSY_ENGINE_TIMEOUT.toSeconds() + "s");
            gateway.start();
            GatewayApi api = new GatewayApi(gateway);
            try {
                api.createApp(app, Optional.empty());
                String deployment = api.deploy(app, image);
                LogFollower.awaitLine(api.logs(deployment), GatewayProcess.TOKEN, "line-" + (FIRST_LINES - 1));

                fill(filler);
                await("readiness reports the refused writes")
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> databaseWrites(gateway), status -> "DOWN".equals(status));
                // Full for a while: the task keeps printing into a deployment that cannot store its lines.
                Thread.sleep(5_000);
                assertThat(databaseWrites(gateway)).isEqualTo("DOWN");

                Files.delete(filler);
                // H2 reopens its database as space is back; a read meanwhile may answer 503, as designed.
                JsonPath ended = await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions()
                        .until(() -> api.deployment(deployment), d -> d.getString("finishedAt") != null);
                assertThat(ended.getString("status")).as(ended.prettify()).isEqualTo("SUCCEEDED");
                await("readiness reports the writes taken again")
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> databaseWrites(gateway), status -> "UP".equals(status));

                List<LogFollower.Line> lines =
                        LogFollower.follow(api.logs(deployment), GatewayProcess.TOKEN, Optional.empty()).stream()
                                .filter(line -> line.line().startsWith("line-"))
                                .toList();
                assertThat(lines)
                        .extracting(LogFollower.Line::line)
                        .as("every line once, in order")
                        .containsExactlyElementsOf(IntStream.range(0, LINES)
                                .mapToObj(i -> "line-" + i)
                                .toList());
                long firstSeq = lines.get(0).seq();
                assertThat(lines)
                        .extracting(LogFollower.Line::seq)
                        .as("contiguous seq: no event was skipped")
                        .containsExactlyElementsOf(IntStream.range(0, LINES)
                                .mapToObj(i -> firstSeq + i)
                                .toList());
            } finally {
                Files.deleteIfExists(filler);
                api.request().delete("/api/v1/apps/" + app);
                gateway.stop();
            }
        } finally {
            unmount(dataDir);
        }
    }

    /** The readiness status of the gateway's database writes, or "absent". */
    private static String databaseWrites(GatewayProcess gateway) {
        JsonPath health = given().baseUri(gateway.uri().toString())
                .get("/q/health/ready")
                .then()
                .extract()
                .jsonPath();
        return Optional.ofNullable(health.getString("checks.find { it.name == '" + DATABASE_WRITES + "' }.status"))
                .orElse("absent");
    }

    /** Writes until the file system has no byte left. */
    private static void fill(Path filler) throws IOException {
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
                throw e;
            }
        }
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException e) {
            // Not one byte more.
        }
    }

    private static void mount(Path dir) throws Exception {
        run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", dir.toString());
    }

    private static void unmount(Path dir) throws Exception {
        run("umount", "--lazy", dir.toString());
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: "
                    + new String(process.getInputStream().readAllBytes()));
        }
    }
}
