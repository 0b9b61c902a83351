package io.slipway.manifest;

import static io.slipway.manifest.Manifests.appJson;
import static io.slipway.manifest.Manifests.appJsonErrors;
import static io.slipway.manifest.Manifests.utf8;
import static io.slipway.manifest.Manifests.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything but scripts: ignored top-level keys, duplicate keys, and env, formation and healthchecks, where a
 * wrong type is a warning with its path and never an error.
 */
class AppJsonLenientSectionsTests {

    record IgnoredKey(String key, String value) {
        @Override
        public String toString() {
            return key;
        }
    }

    static Stream<IgnoredKey> ignoredKeys() {
        return Stream.of(
                new IgnoredKey("name", "\"Ticket Desk\""),
                new IgnoredKey("description", "\"A help desk\""),
                new IgnoredKey("addons", "[\"heroku-postgresql\", {\"plan\": \"heroku-redis:mini\"}]"),
                new IgnoredKey("buildpacks", "[{\"url\": \"heroku/ruby\"}]"),
                new IgnoredKey("environments", "{\"test\": {\"scripts\": {\"test\": \"rake\"}, \"env\": {\"A\": 1}}}"),
                new IgnoredKey("image", "\"heroku/ruby\""),
                new IgnoredKey("stack", "\"container\""),
                new IgnoredKey("success_url", "\"/setup\""),
                new IgnoredKey("keywords", "[]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ignoredKeys")
    void warnsOnceForEachIgnoredTopLevelKey(IgnoredKey input) throws ManifestException {
        AppJson app = appJson("{\n  \"scripts\": {},\n  \"" + input.key() + "\": " + input.value() + "\n}");

        assertThat(where(app.warnings())).containsExactly("3:3 " + input.key());
        assertThat(app.warnings().get(0).message()).isEqualTo("ignored: Slipway does not use this key");
    }

    @Test
    void knownKeysAreNotWarnedAbout() throws ManifestException {
        AppJson app = appJson("{\"scripts\": {}, \"env\": {}, \"formation\": {}, \"healthchecks\": {}}");

        assertThat(app.warnings()).isEmpty();
    }

    @Test
    void keepsTheLastValueOfADuplicateKeyWithAWarning() throws ManifestException {
        AppJson app = appJson("""
        {
          "scripts": {"dokku": {"predeploy": "first"}},
          "env": {"A": "1", "A": "2"},
          "scripts": {"dokku": {"predeploy": "second"}}
        }""");

        assertThat(app.predeploy()).contains("second");
        assertThat(app.env().get("A").value()).contains("2");
        assertThat(where(app.warnings())).containsExactly("3:21 env.A", "4:3 scripts");
        assertThat(app.warnings().get(1).message())
                .isEqualTo("duplicate key \"scripts\": this value is kept, the one at line 2, column 3 is ignored");
    }

    @Test
    void warnsAboutDuplicatesInsideIgnoredKeysToo() throws ManifestException {
        AppJson app = appJson("{\"environments\": {\"test\": {}, \"test\": {}}}");

        assertThat(where(app.warnings())).containsExactly("1:2 environments", "1:31 environments.test");
    }

    @Test
    void readsEnvInHerokusSchema() throws ManifestException {
        AppJson app = appJson("""
        {"env": {
          "RAILS_ENV": "production",
          "SECRET_KEY_BASE": {"description": "Signs cookies.", "generator": "secret"},
          "SMTP_HOST": {"description": "Mail relay.", "required": false, "value": "localhost"},
          "TOKEN": {"required": true}
        }}""");

        assertThat(app.env())
                .containsExactly(
                        Map.entry("RAILS_ENV", EnvVar.withValue("production")),
                        Map.entry(
                                "SECRET_KEY_BASE",
                                new EnvVar(
                                        Optional.empty(), Optional.of("Signs cookies."), true, Optional.of("secret"))),
                        Map.entry(
                                "SMTP_HOST",
                                new EnvVar(
                                        Optional.of("localhost"), Optional.of("Mail relay."), false, Optional.empty())),
                        Map.entry("TOKEN", new EnvVar(Optional.empty(), Optional.empty(), true, Optional.empty())));
        assertThat(app.warnings()).isEmpty();
    }

    @Test
    void aFormationQuantityAboveTheProcessLimitIsAnErrorAtItsPosition() {
        List<ManifestProblem> errors = appJsonErrors("""
        {
          "formation": {
            "web": {"quantity": 2147483647},
            "worker": {"quantity": 101}
          }
        }""");

        assertThat(where(errors)).containsExactly("3:25 formation.web.quantity", "4:28 formation.worker.quantity");
        assertThat(errors.get(0).message()).isEqualTo("at most 100 containers per process type, not 2147483647");
    }

    @Test
    void theProcessLimitIsTheParsersOwn() throws ManifestException {
        byte[] three = utf8("{\"formation\": {\"web\": {\"quantity\": 3}}}");

        assertThat(new ManifestParser(new ProcessLimit(3)).parseAppJson(three).formation())
                .containsEntry("web", new ProcessFormation(Optional.of(3), Optional.empty()));
        assertThat(assertThrows(
                                ManifestException.class,
                                () -> new ManifestParser(new ProcessLimit(2)).parseAppJson(three))
                        .problems())
                .extracting(ManifestProblem::message)
                .containsExactly("at most 2 containers per process type, not 3");
    }

    @Test
    void readsFormationAndHealthchecks() throws ManifestException {
        AppJson app = appJson("""
        {
          "formation": {"web": {"quantity": 2, "size": "basic", "autoscaling": {"min_quantity": 1}}, "worker": {}},
          "healthchecks": {"web": [{
            "type": "startup", "name": "web check", "description": "responds", "path": "/health",
            "scheme": "http", "port": 5000, "content": "ok", "command": ["/app/check", "--quick"],
            "listening": true, "attempts": 3, "timeout": 5, "wait": 2, "initialDelay": 10, "uptime": 1,
            "warn": false, "onFailure": {"url": "x"},
            "httpHeaders": [{"name": "X-Check", "value": "yes"}, {"name": "Accept", "value": "text/plain"}]
          }]}
        }""");

        assertThat(app.formation())
                .containsExactly(
                        Map.entry("web", new ProcessFormation(Optional.of(2), Optional.of("basic"))),
                        Map.entry("worker", new ProcessFormation(Optional.empty(), Optional.empty())));
        assertThat(app.healthchecks().get("web"))
                .containsExactly(new HealthCheck(
                        Optional.of("startup"),
                        Optional.of("web check"),
                        Optional.of("responds"),
                        Optional.of("/health"),
                        Optional.of("http"),
                        Optional.of(5000),
                        Optional.of("ok"),
                        List.of("/app/check", "--quick"),
                        Optional.of(true),
                        Optional.of(3),
                        Optional.of(5),
                        Optional.of(2),
                        Optional.of(10),
                        Optional.of(1),
                        Optional.of(false),
                        Map.of("X-Check", "yes", "Accept", "text/plain")));
        assertThat(app.warnings()).isEmpty();
    }

    /** A case: one section of app.json, what it reads as, and the one warning ("line:column path", message). */
    record Untidy(
            String name, String json, Function<AppJson, Object> read, Object expected, String where, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Function<AppJson, Object> env(String name) {
        return app -> app.env().get(name);
    }

    private static Function<AppJson, Object> quantity(String process) {
        return app -> app.formation().get(process).quantity();
    }

    private static Function<AppJson, Object> check(String process) {
        return app -> app.healthchecks().get(process).get(0);
    }

    static Stream<Untidy> untidyValues() {
        return Stream.of(
                new Untidy(
                        "env boolean value, as in treeherder",
                        "{\"env\": {\"DEBUG\": true}}",
                        env("DEBUG"),
                        EnvVar.withValue("true"),
                        "1:19 env.DEBUG",
                        "read the boolean true as the string \"true\""),
                new Untidy(
                        "env number value",
                        "{\"env\": {\"WORKERS\": 4}}",
                        env("WORKERS"),
                        EnvVar.withValue("4"),
                        "1:21 env.WORKERS",
                        "read the number 4 as the string \"4\""),
                new Untidy(
                        "env number inside the object",
                        "{\"env\": {\"PORT\": {\"value\": 5000}}}",
                        env("PORT"),
                        EnvVar.withValue("5000"),
                        "1:28 env.PORT.value",
                        "as the string \"5000\""),
                new Untidy(
                        "required as a string, as in staticman",
                        "{\"env\": {\"A\": {\"required\": \"false\"}}}",
                        env("A"),
                        new EnvVar(Optional.empty(), Optional.empty(), false, Optional.empty()),
                        "1:28 env.A.required",
                        "read the string \"false\" as the boolean false"),
                new Untidy(
                        "required as a capitalised string",
                        "{\"env\": {\"A\": {\"required\": \" True \"}}}",
                        env("A"),
                        new EnvVar(Optional.empty(), Optional.empty(), true, Optional.empty()),
                        "1:28 env.A.required",
                        "as the boolean true"),
                new Untidy(
                        "required as a number",
                        "{\"env\": {\"A\": {\"required\": 0}}}",
                        env("A"),
                        new EnvVar(Optional.empty(), Optional.empty(), true, Optional.empty()),
                        "1:28 env.A.required",
                        "ignored: expected a boolean, found a number"),
                new Untidy(
                        "env variable as an array",
                        "{\"env\": {\"A\": [\"x\"]}}",
                        env("A"),
                        null,
                        "1:15 env.A",
                        "ignored: expected a string, found an array"),
                new Untidy(
                        "env as an array",
                        "{\"env\": [\"A\"]}",
                        app -> app.env(),
                        Map.of(),
                        "1:9 env",
                        "ignored: expected an object, found an array"),
                new Untidy(
                        "env name that is not a plain key",
                        "{\"env\": {\"my.var\": 1}}",
                        env("my.var"),
                        EnvVar.withValue("1"),
                        "1:20 env[\"my.var\"]",
                        "as the string \"1\""),
                new Untidy(
                        "quantity as a string",
                        "{\"formation\": {\"web\": {\"quantity\": \"2\"}}}",
                        quantity("web"),
                        Optional.of(2),
                        "1:36 formation.web.quantity",
                        "read the string \"2\" as the number 2"),
                new Untidy(
                        "quantity with a fraction",
                        "{\"formation\": {\"web\": {\"quantity\": 1.5}}}",
                        quantity("web"),
                        Optional.empty(),
                        "1:36 formation.web.quantity",
                        "expected a whole number from 0"),
                new Untidy(
                        "quantity negative",
                        "{\"formation\": {\"web\": {\"quantity\": -1}}}",
                        quantity("web"),
                        Optional.empty(),
                        "1:36 formation.web.quantity",
                        "found the number -1"),
                new Untidy(
                        "quantity too large",
                        "{\"formation\": {\"web\": {\"quantity\": 1e12}}}",
                        quantity("web"),
                        Optional.empty(),
                        "1:36 formation.web.quantity",
                        "found the number 1e12"),
                new Untidy(
                        "quantity as a word",
                        "{\"formation\": {\"web\": {\"quantity\": \"two\"}}}",
                        quantity("web"),
                        Optional.empty(),
                        "1:36 formation.web.quantity",
                        "expected a whole number, found a string"),
                new Untidy(
                        "quantity written with an exponent",
                        "{\"formation\": {\"web\": {\"quantity\": 2.0e1}}}",
                        quantity("web"),
                        Optional.of(20),
                        "",
                        ""),
                new Untidy(
                        "formation entry as a number",
                        "{\"formation\": {\"web\": 2}}",
                        app -> app.formation(),
                        Map.of(),
                        "1:23 formation.web",
                        "expected an object, found a number"),
                new Untidy(
                        "attempts as a string",
                        "{\"healthchecks\": {\"web\": [{\"attempts\": \"3\"}]}}",
                        app -> check("web").apply(app) instanceof HealthCheck c ? c.attempts() : null,
                        Optional.of(3),
                        "1:40 healthchecks.web[0].attempts",
                        "read the string \"3\" as the number 3"),
                new Untidy(
                        "command as a string",
                        "{\"healthchecks\": {\"web\": [{\"command\": \"/check\"}]}}",
                        app -> check("web").apply(app) instanceof HealthCheck c ? c.command() : null,
                        List.of(),
                        "1:39 healthchecks.web[0].command",
                        "expected an array, found a string"),
                new Untidy(
                        "checks not in a list",
                        "{\"healthchecks\": {\"web\": {\"path\": \"/\"}}}",
                        app -> app.healthchecks(),
                        Map.of(),
                        "1:26 healthchecks.web",
                        "expected an array, found an object"),
                new Untidy(
                        "a check that is not an object",
                        "{\"healthchecks\": {\"web\": [\"/health\"]}}",
                        app -> app.healthchecks().get("web"),
                        List.of(),
                        "1:27 healthchecks.web[0]",
                        "expected an object"),
                new Untidy(
                        "null values mean absent",
                        "{\"env\": {\"A\": null}, \"formation\": null, \"healthchecks\": null}",
                        app -> app.env(),
                        Map.of(),
                        "",
                        ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untidyValues")
    void readsUntidyValuesWithAWarningNeverAnError(Untidy input) throws ManifestException {
        AppJson app = appJson(input.json());

        assertThat(input.read().apply(app)).isEqualTo(input.expected());
        if (input.where().isEmpty()) {
            assertThat(app.warnings()).isEmpty();
        } else {
            assertThat(where(app.warnings())).containsExactly(input.where());
            assertThat(app.warnings().get(0).message()).contains(input.message());
        }
    }
}
