package io.slipway.manifest;

import static io.slipway.manifest.Manifests.appJson;
import static io.slipway.manifest.Manifests.appJsonErrors;
import static io.slipway.manifest.Manifests.where;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * scripts.dokku.predeploy and postdeploy, and Heroku's one-time scripts.postdeploy: honoured, and a wrong type there
 * is an error with its path and position.
 */
class AppJsonScriptsTests {

    @Test
    void readsPredeployAndPostdeploy() throws ManifestException {
        AppJson app = appJson("""
        {"scripts": {"dokku": {
          "predeploy": "python manage.py migrate",
          "postdeploy": "curl -X POST https://hooks.example.com/done"
        }}}""");

        assertThat(app.predeploy()).contains("python manage.py migrate");
        assertThat(app.postdeploy()).contains("curl -X POST https://hooks.example.com/done");
        assertThat(app.setup()).isEmpty();
        assertThat(app.warnings()).isEmpty();
    }

    @Test
    void readsHerokusPostdeployAsTheSetupTaskBesideDokkusPostdeploy() throws ManifestException {
        AppJson app = appJson("""
        {"scripts": {
          "dokku": {"postdeploy": "curl -X POST https://hooks.example.com/done"},
          "postdeploy": "bundle exec rake db:schema:load db:seed"
        }}""");

        assertThat(app.setup()).contains("bundle exec rake db:schema:load db:seed");
        assertThat(app.postdeploy()).contains("curl -X POST https://hooks.example.com/done");
        assertThat(app.warnings()).isEmpty();
    }

    /** A case: app.json, then each error as "line:column path" with a fragment of its message. */
    record WrongType(String name, String json, List<String> where, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<WrongType> wrongTypes() {
        return Stream.of(
                new WrongType(
                        "predeploy as an array",
                        """
            {"scripts": {"dokku": {
              "predeploy": ["python", "manage.py", "migrate"]
            }}}""",
                        List.of("2:16 scripts.dokku.predeploy"),
                        "must be a string holding the predeploy command, not an array"),
                new WrongType(
                        "predeploy as a number",
                        "{\"scripts\": {\"dokku\": {\"predeploy\": 1}}}",
                        List.of("1:37 scripts.dokku.predeploy"),
                        "not a number"),
                new WrongType(
                        "predeploy as an object",
                        "{\"scripts\": {\"dokku\": {\"predeploy\": {\"run\": \"x\"}}}}",
                        List.of("1:37 scripts.dokku.predeploy"),
                        "not an object"),
                new WrongType(
                        "predeploy as a boolean",
                        "{\"scripts\": {\"dokku\": {\"predeploy\": true}}}",
                        List.of("1:37 scripts.dokku.predeploy"),
                        "not a boolean"),
                new WrongType(
                        "postdeploy as an array",
                        "{\"scripts\": {\"dokku\": {\"postdeploy\": []}}}",
                        List.of("1:38 scripts.dokku.postdeploy"),
                        "must be a string holding the postdeploy command, not an array"),
                new WrongType(
                        "Heroku's postdeploy as an array",
                        "{\"scripts\": {\"postdeploy\": [\"rake\", \"db:seed\"]}}",
                        List.of("1:28 scripts.postdeploy"),
                        "must be a string holding the setup command, not an array"),
                new WrongType(
                        "Heroku's postdeploy as an object, on its own line",
                        """
            {"scripts": {
              "dokku": {"predeploy": "x"},
              "postdeploy": {"command": "rake db:seed"}
            }}""",
                        List.of("3:17 scripts.postdeploy"),
                        "not an object"),
                new WrongType(
                        "both tasks wrong: both reported",
                        """
            {"scripts": {"dokku": {
              "predeploy": 1,
              "postdeploy": 2
            }}}""",
                        List.of("2:16 scripts.dokku.predeploy", "3:17 scripts.dokku.postdeploy"),
                        "not a number"),
                new WrongType(
                        "scripts as an array",
                        "{\n  \"scripts\": [\"migrate\"]\n}",
                        List.of("2:14 scripts"),
                        "must be an object, not an array"),
                new WrongType(
                        "scripts as a string", "{\"scripts\": \"migrate\"}", List.of("1:13 scripts"), "not a string"),
                new WrongType(
                        "scripts.dokku as a string",
                        "{\"scripts\": {\"dokku\": \"migrate\"}}",
                        List.of("1:23 scripts.dokku"),
                        "must be an object, not a string"),
                new WrongType(
                        "scripts.dokku as an array",
                        "{\"scripts\": {\"dokku\": [\"migrate\"]}}",
                        List.of("1:23 scripts.dokku"),
                        "not an array"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void rejectsAWrongTypeWithPathAndPosition(WrongType input) {
        List<ManifestProblem> errors = appJsonErrors(input.json());

        assertThat(where(errors)).containsExactlyElementsOf(input.where());
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).contains(input.message()));
    }

    /** A case: app.json that parses, the tasks it yields, and each warning as "line:column path". */
    record Lenient(
            String name, String json, String predeploy, String postdeploy, List<String> warnings, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Lenient> tolerated() {
        return Stream.of(
                new Lenient("null scripts means none", "{\"scripts\": null}", null, null, List.of(), ""),
                new Lenient(
                        "null scripts.dokku means none", "{\"scripts\": {\"dokku\": null}}", null, null, List.of(), ""),
                new Lenient(
                        "null predeploy means none",
                        "{\"scripts\": {\"dokku\": {\"predeploy\": null, \"postdeploy\": \"x\"}}}",
                        null,
                        "x",
                        List.of(),
                        ""),
                new Lenient("empty scripts", "{\"scripts\": {}}", null, null, List.of(), ""),
                new Lenient(
                        "empty predeploy: no task, with a warning",
                        "{\"scripts\": {\"dokku\": {\"predeploy\": \"  \"}}}",
                        null,
                        null,
                        List.of("1:37 scripts.dokku.predeploy"),
                        "empty: no predeploy task runs"),
                new Lenient(
                        "Heroku's postdeploy is the setup task, not Dokku's postdeploy",
                        """
            {"scripts": {
              "postdeploy": "bundle exec rake db:seed"
            }}""",
                        null,
                        null,
                        List.of(),
                        ""),
                new Lenient(
                        "empty setup task, as in PostHog's review environment: no task, with a warning",
                        "{\"scripts\": {\"postdeploy\": \"\"}}",
                        null,
                        null,
                        List.of("1:28 scripts.postdeploy"),
                        "empty: no setup task runs"),
                new Lenient(
                        "null setup task means none",
                        "{\"scripts\": {\"postdeploy\": null}}",
                        null,
                        null,
                        List.of(),
                        ""),
                new Lenient(
                        "top-level scripts.predeploy, as in ToolJet",
                        "{\"scripts\": {\"predeploy\": \"npm run build\"}}",
                        null,
                        null,
                        List.of("1:14 scripts.predeploy"),
                        "did you mean scripts.dokku.predeploy?"),
                new Lenient(
                        "scripts.release, as in wazimap-ng",
                        "{\"scripts\": {\"dokku\": {\"predeploy\": \"a\"}, \"release\": \"b\"}}",
                        "a",
                        null,
                        List.of("1:43 scripts.release"),
                        "the Procfile's release entry"),
                new Lenient(
                        "Heroku CI scripts",
                        "{\"scripts\": {\"test-setup\": \"x\", \"test\": \"y\"}}",
                        null,
                        null,
                        List.of("1:14 scripts.test-setup", "1:33 scripts.test"),
                        "Slipway runs only scripts.dokku"),
                new Lenient(
                        "unknown task in scripts.dokku",
                        "{\"scripts\": {\"dokku\": {\"release\": \"x\", \"postdeploy\": \"y\"}}}",
                        null,
                        "y",
                        List.of("1:24 scripts.dokku.release"),
                        "ignored"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tolerated")
    void toleratesNullEmptyAndUnusedScripts(Lenient input) throws ManifestException {
        AppJson app = appJson(input.json());

        assertThat(app.predeploy().orElse(null)).isEqualTo(input.predeploy());
        assertThat(app.postdeploy().orElse(null)).isEqualTo(input.postdeploy());
        assertThat(where(app.warnings())).containsExactlyElementsOf(input.warnings());
        assertThat(app.warnings())
                .allSatisfy(warning -> assertThat(warning.message()).contains(input.message()));
    }
}
