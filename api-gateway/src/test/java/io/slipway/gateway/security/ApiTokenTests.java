package io.slipway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.contract.Channels;
import io.slipway.gateway.config.DataDirectory;
import io.slipway.gateway.config.EngineMode;
import io.slipway.gateway.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenTests {

    @TempDir
    Path temp;

    record Config(Optional<String> apiToken, Path dataDir) implements GatewayConfig {
        @Override
        public Gateway gateway() {
            throw new UnsupportedOperationException("not needed by ApiToken");
        }

        @Override
        public Audit audit() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cron cron() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EngineMode engine() {
            return EngineMode.EMBEDDED;
        }

        @Override
        public String defaultPool() {
            return Channels.DEFAULT_POOL;
        }

        @Override
        public Optional<String> workerToken() {
            return Optional.empty();
        }

        @Override
        public Duration workerLease() {
            return Duration.ofSeconds(30);
        }
    }

    private ApiToken token(Optional<String> configured) {
        Config config = new Config(configured, temp.resolve("data"));
        return new ApiToken(config, new DataDirectory(config));
    }

    @Test
    void withoutAConfiguredTokenOneIsGeneratedOnceAndKeptOwnerOnly() throws IOException {
        ApiToken first = token(Optional.empty());
        Path file = temp.resolve("data/api-token");
        String generated = Files.readString(file).strip();

        assertThat(generated).matches("[A-Za-z0-9_-]{43}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(first.admits("Bearer " + generated)).isTrue();
        assertThat(first.source()).contains(file.toString()).doesNotContain(generated);

        ApiToken afterRestart = token(Optional.empty());
        assertThat(Files.readString(file).strip()).isEqualTo(generated);
        assertThat(afterRestart.admits("Bearer " + generated)).isTrue();
    }

    @Test
    void aConfiguredTokenWinsAndNothingIsWritten() {
        ApiToken token = token(Optional.of("s3cret"));

        assertThat(token.admits("Bearer s3cret")).isTrue();
        assertThat(token.admits("Bearer other")).isFalse();
        assertThat(temp.resolve("data/api-token")).doesNotExist();
    }

    @Test
    void onlyABearerHeaderWithTheTokenIsAdmitted() {
        ApiToken token = token(Optional.of("s3cret"));

        assertThat(token.admits(null)).isFalse();
        assertThat(token.admits("s3cret")).isFalse();
        assertThat(token.admits("Basic s3cret")).isFalse();
        assertThat(token.admits("Bearer s3cret2")).isFalse();
        assertThat(token.admits("BEARER s3cret")).isTrue();
    }

    @Test
    void anEmptyTokenFileStopsTheStart() throws IOException {
        Files.createDirectories(temp.resolve("data"));
        Files.writeString(temp.resolve("data/api-token"), "\n");

        assertThatThrownBy(() -> token(Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("api-token is empty: delete it to have a new token generated");
    }

    @Test
    void aBlankConfiguredTokenCountsAsUnset() {
        token(Optional.of("  "));

        assertThat(temp.resolve("data/api-token")).exists();
    }
}
