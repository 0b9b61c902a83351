package io.slipway.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTests {

    @TempDir
    Path home;

    @Test
    void livesUnderXdgConfigHomeElseUnderDotConfig() {
        assertThat(ConfigFile.locate(Map.of("XDG_CONFIG_HOME", "/x"), "/home/op"))
                .isEqualTo(Path.of("/x/slipway/config.json"));
        assertThat(ConfigFile.locate(Map.of(), "/home/op")).isEqualTo(Path.of("/home/op/.config/slipway/config.json"));
    }

    @Test
    void isWrittenOwnerOnlyAndReadBack() throws IOException {
        ConfigFile file = new ConfigFile(home.resolve("slipway/config.json"), new ObjectMapper());

        file.write(new StoredLogin("http://127.0.0.1:8080", "t0ken"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())))
                .isEqualTo("rw-------");
        assertThat(file.read()).contains(new StoredLogin("http://127.0.0.1:8080", "t0ken"));
    }

    @Test
    void refusesAFileOthersCanRead() throws IOException {
        ConfigFile file = new ConfigFile(home.resolve("slipway/config.json"), new ObjectMapper());
        file.write(new StoredLogin("http://127.0.0.1:8080", "t0ken"));
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(file::read).isInstanceOf(UsageProblem.class).hasMessageContaining("chmod 600");
    }

    @Test
    void theTokenIsNeverInTheLoginsText() {
        assertThat(new StoredLogin("http://h", "s3cret").toString()).doesNotContain("s3cret");
        assertThat(new Credentials(java.net.URI.create("http://h"), "s3cret").toString())
                .doesNotContain("s3cret");
    }

    @Test
    void theNearestDotSlipwayNamesTheApp() throws IOException {
        Path below = Files.createDirectories(home.resolve("project/src/deep"));
        LinkFile.write(home.resolve("project"), "shop");

        assertThat(LinkFile.find(below)).contains("shop");
        assertThat(LinkFile.find(home)).isEmpty();
    }
}
