package io.slipway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class BenchAppTests {

    @Test
    void theRedeploysAppHasOneHttpCheckBesideItsTasks() throws IOException {
        JsonNode appJson = SlipwayApi.read(file(BenchApp.checkedContext(), "app.json"));

        assertThat(appJson.path("scripts").path("dokku").path("predeploy").asText())
                .isEqualTo(BenchApp.PREDEPLOY);
        assertThat(appJson.path("scripts").path("dokku").path("postdeploy").asText())
                .isEqualTo(BenchApp.POSTDEPLOY);
        JsonNode checks = appJson.path("healthchecks").path("web");
        assertThat(checks.size()).isEqualTo(1);
        assertThat(checks.get(0).path("path").asText()).isEqualTo("/");
        assertThat(file(BenchApp.checkedContext(), "index.html"))
                .contains(checks.get(0).path("content").asText());
    }

    @Test
    void theOtherAppsHaveNoCheck() throws IOException {
        JsonNode appJson = SlipwayApi.read(file(BenchApp.context(), "app.json"));

        assertThat(appJson.has("healthchecks")).isFalse();
        assertThat(appJson.path("scripts").path("dokku").path("predeploy").asText())
                .isEqualTo(BenchApp.PREDEPLOY);
    }

    @Test
    void aStampIsTheWallClockInMicroseconds() throws IOException, InterruptedException {
        // The base image's only binary, run here as the predeploy runs it; scripts/services installs it.
        Process stamp = new ProcessBuilder("busybox", "sh", "-c", BenchApp.STAMP)
                .redirectErrorStream(true)
                .start();
        String line = new String(stamp.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertThat(stamp.waitFor()).isZero();

        assertThat(line).startsWith("STAMP ");
        long micros = Long.parseLong(line.substring("STAMP ".length()));
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        assertThat(micros).isBetween(now - 60_000_000L, now);
    }

    private static String file(byte[] tar, String name) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in the context");
    }
}
