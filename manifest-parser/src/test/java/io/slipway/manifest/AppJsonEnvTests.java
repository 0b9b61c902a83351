package io.slipway.manifest;

import static io.slipway.manifest.Manifests.appJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** app.json's env applied to an app's config, with Heroku's and Dokku's semantics. */
class AppJsonEnvTests {

    private static final String ENV = """
            {"env": {
              "GREETING": {"value": "hello"},
              "SHORTHAND": "short",
              "DATABASE_URL": {"description": "where the data lives"},
              "API_KEY": {"required": true},
              "OPTIONAL": {"required": false},
              "SESSION_SECRET": {"generator": "secret"},
              "not-a-name": {"value": "x"}
            }}""";

    @Test
    void defaultsAndSecretsFillOnlyWhatTheConfigLacksAndRequiredOnesWithoutAValueAreMissing() throws Exception {
        AppJsonEnv.Resolution resolution = AppJsonEnv.resolve(
                appJson(ENV).env(), Map.of("DATABASE_URL", "postgres://db", "GREETING", "operator's"), () -> "s3cr3t");

        assertThat(resolution.added())
                .containsExactly(Map.entry("SHORTHAND", "short"), Map.entry("SESSION_SECRET", "s3cr3t"));
        assertThat(resolution.generated()).containsExactly("SESSION_SECRET");
        assertThat(resolution.missing()).containsExactly("API_KEY");
        assertThat(resolution.ignored()).containsExactly("not-a-name");
    }

    @Test
    void aSecretTheConfigAlreadyHoldsIsNotGeneratedAgain() throws Exception {
        AppJsonEnv.Resolution resolution = AppJsonEnv.resolve(
                appJson("{\"env\": {\"SESSION_SECRET\": {\"generator\": \"secret\"}}}")
                        .env(),
                Map.of("SESSION_SECRET", "kept"),
                () -> {
                    throw new AssertionError("generated again");
                });

        assertThat(resolution.added()).isEmpty();
        assertThat(resolution.missing()).isEmpty();
    }

    @Test
    void aGeneratedSecretIsSixtyFourRandomHexDigits() {
        String secret = AppJsonEnv.randomSecret();

        assertThat(secret).matches("[0-9a-f]{64}");
        assertThat(AppJsonEnv.randomSecret()).isNotEqualTo(secret);
    }
}
