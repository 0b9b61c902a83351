package io.slipway.manifest;

import static io.slipway.manifest.Manifests.PARSER;
import static io.slipway.manifest.Manifests.appJsonErrors;
import static io.slipway.manifest.Manifests.fixture;
import static io.slipway.manifest.Manifests.procfileErrors;
import static io.slipway.manifest.Manifests.where;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The files under {@code src/test/resources/fixtures}, written after the quirks of real app.json and Procfile
 * files (see the team's corpus): CRLF, byte-order marks, comments, trailing commas, duplicate keys, string
 * booleans, non-ASCII text, missing final newlines and the ways real files are broken.
 */
class ManifestFixtureTests {

    /** An app.json fixture that parses: its tasks and its warnings as "line:column path". */
    record AppJsonFixture(String file, String predeploy, String postdeploy, String setup, List<String> warnings) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<AppJsonFixture> appJsonFixtures() {
        return Stream.of(
                new AppJsonFixture(
                        "heroku-button.app.json",
                        null,
                        null,
                        "bundle exec rails db:seed",
                        List.of(
                                "2:3 name",
                                "3:3 description",
                                "4:3 repository",
                                "5:3 keywords",
                                "6:3 image",
                                "7:3 stack",
                                "8:3 addons",
                                "9:3 buildpacks",
                                "28:3 environments")),
                new AppJsonFixture(
                        "dokku-tasks.app.json",
                        "python manage.py migrate --noinput && python manage.py collectstatic --noinput",
                        "curl -fsS https://hooks.example.com/deployed?app=tickets",
                        null,
                        List.of()),
                new AppJsonFixture(
                        "comments-and-trailing-commas.app.json", "./manage.py migrate", "./notify.sh", null, List.of()),
                new AppJsonFixture("bom-crlf.app.json", "bin/prepare", null, null, List.of("2:3 stack")),
                new AppJsonFixture(
                        "duplicate-key.app.json",
                        "echo second",
                        null,
                        null,
                        List.of("2:3 name", "5:3 stack", "5:3 stack", "6:3 scripts")),
                new AppJsonFixture(
                        "string-booleans.app.json",
                        null,
                        null,
                        null,
                        List.of(
                                "2:3 description",
                                "5:14 env.DEBUG",
                                "6:16 env.WORKERS",
                                "9:19 env.GITHUB_TOKEN.required",
                                "13:28 formation.worker.quantity")),
                new AppJsonFixture("empty.app.json", null, null, null, List.of()),
                new AppJsonFixture("whitespace-only.app.json", null, null, null, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appJsonFixtures")
    void parsesAppJson(AppJsonFixture input) throws ManifestException {
        AppJson app = PARSER.parseAppJson(fixture(input.file()));

        assertThat(app.predeploy().orElse(null)).isEqualTo(input.predeploy());
        assertThat(app.postdeploy().orElse(null)).isEqualTo(input.postdeploy());
        assertThat(app.setup().orElse(null)).isEqualTo(input.setup());
        assertThat(where(app.warnings())).containsExactlyElementsOf(input.warnings());
    }

    @Test
    void readsTheCommentedBenchmarkFixtureAsThePlainOne() throws ManifestException {
        AppJson plain = PARSER.parseAppJson(fixture("dokku-tasks.app.json"));
        AppJson commented = PARSER.parseAppJson(fixture("dokku-tasks-commented.app.json"));

        assertThat(commented)
                .usingRecursiveComparison()
                .ignoringFields("warnings")
                .isEqualTo(plain);
        assertThat(commented.warnings()).isEmpty();
        assertThat(commented.cron()).extracting(CronEntry::command).containsExactly("python manage.py clearsessions");
    }

    @Test
    void readsTheSectionsOfAHerokuButtonFile() throws ManifestException {
        AppJson app = PARSER.parseAppJson(fixture("heroku-button.app.json"));

        assertThat(app.env()).containsOnlyKeys("RAILS_ENV", "SECRET_KEY_BASE", "SMTP_HOST");
        assertThat(app.env().get("SECRET_KEY_BASE").generator()).contains("secret");
        assertThat(app.env().get("SMTP_HOST").required()).isFalse();
        assertThat(app.formation().get("worker")).isEqualTo(new ProcessFormation(Optional.of(2), Optional.of("basic")));
    }

    @Test
    void readsStringBooleansAsWhatTheySpell() throws ManifestException {
        AppJson app = PARSER.parseAppJson(fixture("string-booleans.app.json"));

        assertThat(app.env().get("NPM_CONFIG_PRODUCTION").value()).contains("false");
        assertThat(app.env().get("DEBUG").value()).contains("true");
        assertThat(app.env().get("GITHUB_TOKEN").required()).isFalse();
        assertThat(app.formation().get("worker").quantity()).contains(2);
    }

    @Test
    void readsTheHealthchecksOfADokkuFile() throws ManifestException {
        HealthCheck check = PARSER.parseAppJson(fixture("dokku-tasks.app.json"))
                .healthchecks()
                .get("web")
                .get(0);

        assertThat(check.type()).contains("startup");
        assertThat(check.path()).contains("/health/");
        assertThat(check.attempts()).contains(3);
        assertThat(check.waitSeconds()).contains(2);
        assertThat(check.initialDelay()).contains(10);
    }

    /** A Procfile fixture that parses: process types in order, and the release command. */
    record ProcfileFixture(String file, List<String> processTypes, String release) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<ProcfileFixture> procfileFixtures() {
        return Stream.of(
                new ProcfileFixture("typical.Procfile", List.of("web", "worker"), "bundle exec rails db:migrate"),
                new ProcfileFixture("comments.Procfile", List.of("scheduler", "dj", "twitter_stream"), null),
                new ProcfileFixture("bom-crlf.Procfile", List.of("web", "worker"), null),
                new ProcfileFixture(
                        "postdeploy-process.Procfile",
                        List.of("web", "worker-beat", "postdeploy"),
                        "python manage.py migrate --noinput"),
                new ProcfileFixture("non-ascii.Procfile", List.of("web"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procfileFixtures")
    void parsesProcfile(ProcfileFixture input) throws ManifestException {
        Procfile procfile = PARSER.parseProcfile(fixture(input.file()));

        assertThat(procfile.processes().keySet()).containsExactlyElementsOf(input.processTypes());
        assertThat(procfile.release().orElse(null)).isEqualTo(input.release());
    }

    @Test
    void stripsTrailingCommentsAndKeepsCommandsAsWritten() throws ManifestException {
        assertThat(PARSER.parseProcfile(fixture("comments.Procfile")).processes())
                .containsEntry("scheduler", "bundle exec rails runner bin/schedule.rb");
        assertThat(PARSER.parseProcfile(fixture("typical.Procfile")).processes())
                .containsExactly(
                        Map.entry("web", "bundle exec puma -C config/puma.rb -p $PORT"),
                        Map.entry("worker", "bundle exec sidekiq -c ${SIDEKIQ_CONCURRENCY:-5}"));
        assertThat(PARSER.parseProcfile(fixture("non-ascii.Procfile")).processes())
                .containsExactly(Map.entry("web", "echo \"Grüße aus Zürich — ✓\" && exec node server.js"));
    }

    /** A broken fixture: its errors as "line:column path" and a fragment of the first message. */
    record BrokenFixture(String file, List<String> where, String message) {
        @Override
        public String toString() {
            return file;
        }

        List<ManifestProblem> errors() {
            return file.endsWith(".app.json") ? appJsonErrors(fixture(file)) : procfileErrors(fixture(file));
        }
    }

    static Stream<BrokenFixture> brokenFixtures() {
        return Stream.of(
                new BrokenFixture(
                        "unclosed-env.app.json",
                        List.of("13:2"),
                        "unexpected end of file; the object opened at line 1, column 1 is not closed"),
                new BrokenFixture(
                        "script-as-array.app.json",
                        List.of("4:20 scripts.dokku.predeploy", "5:21 scripts.dokku.postdeploy"),
                        "must be a string holding the predeploy command, not an array"),
                new BrokenFixture(
                        "backslash-continuation.Procfile",
                        List.of("2:9", "3:9", "4:9"),
                        "the line before ends with a backslash"),
                new BrokenFixture(
                        "duplicate-worker.Procfile", List.of("3:1"), "duplicate name \"worker\", first at line 2"),
                new BrokenFixture("comments-only.Procfile", List.of("0:0"), "no entries"),
                new BrokenFixture("empty.Procfile", List.of("0:0"), "no entries"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFixtures")
    void rejectsBrokenFiles(BrokenFixture input) {
        List<ManifestProblem> errors = input.errors();

        assertThat(where(errors)).containsExactlyElementsOf(input.where());
        assertThat(errors.get(0).message()).contains(input.message());
    }
}
