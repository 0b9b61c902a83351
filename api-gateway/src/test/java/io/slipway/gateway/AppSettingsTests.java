package io.slipway.gateway;

import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Config variables and formation: stored per app, applied at the next deployment. */
@QuarkusTest
class AppSettingsTests {

    @Test
    void putReplacesTheConfigAndPatchMergesIt() {
        String app = newApp();
        String config = "/api/v1/apps/" + app + "/config";
        api().get(config).then().statusCode(200).body(equalTo("{}"));

        json(Map.of("DATABASE_URL", "postgres://db/app", "SECRET", "x"))
                .put(config)
                .then()
                .statusCode(200)
                .body("DATABASE_URL", equalTo("postgres://db/app"));
        json(Map.of("ONLY", "this")).put(config).then().statusCode(200).body(equalTo("{\"ONLY\":\"this\"}"));

        Map<String, String> patch = new HashMap<>();
        patch.put("ONLY", null);
        patch.put("ADDED", "1");
        api().contentType("application/merge-patch+json")
                .body(patch)
                .patch(config)
                .then()
                .statusCode(200)
                .body(equalTo("{\"ADDED\":\"1\"}"));
        json(Map.of("MORE", "2"))
                .patch(config)
                .then()
                .statusCode(200)
                .body(equalTo("{\"ADDED\":\"1\",\"MORE\":\"2\"}"));
        api().get(config).then().statusCode(200).body(equalTo("{\"ADDED\":\"1\",\"MORE\":\"2\"}"));
    }

    @Test
    void configNamesMustBeVariableNamesAndPutNeedsValues() {
        String config = "/api/v1/apps/" + newApp() + "/config";
        json(Map.of("1ST", "x")).put(config).then().statusCode(422).contentType(PROBLEM_JSON);
        json(Map.of("WITH-DASH", "x")).patch(config).then().statusCode(422).contentType(PROBLEM_JSON);
        Map<String, String> withNull = new HashMap<>();
        withNull.put("A", null);
        json(withNull).put(config).then().statusCode(422).contentType(PROBLEM_JSON);
        json("[1, 2]").put(config).then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void anAppsTaskTimeoutIsItsDeploymentsDefaultAndARequestsOwnWins() {
        String app = newApp();
        json(Map.of("taskTimeoutSeconds", 90))
                .patch("/api/v1/apps/" + app)
                .then()
                .statusCode(200)
                .body("taskTimeoutSeconds", equalTo(90));
        api().get("/api/v1/apps/" + app).then().statusCode(200).body("taskTimeoutSeconds", equalTo(90));
        String deployments = "/api/v1/apps/" + app + "/deployments";

        json(Map.of("image", "absent/image:1"))
                .post(deployments)
                .then()
                .statusCode(202)
                .body("taskTimeoutSeconds", equalTo(90));
        json(Map.of("image", "absent/image:1", "taskTimeoutSeconds", 5))
                .post(deployments)
                .then()
                .statusCode(202)
                .body("taskTimeoutSeconds", equalTo(5));

        json("{\"taskTimeoutSeconds\": null}")
                .patch("/api/v1/apps/" + app)
                .then()
                .statusCode(200)
                .body("taskTimeoutSeconds", nullValue());
        json(Map.of("taskTimeoutSeconds", -1))
                .patch("/api/v1/apps/" + app)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON);
        json(Map.of("taskTimeoutSeconds", 1))
                .patch("/api/v1/apps/nobody-" + app)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void theFormationIsStoredAsGiven() {
        String formation = "/api/v1/apps/" + newApp() + "/formation";
        api().get(formation).then().statusCode(200).body(equalTo("{}"));

        json(Map.of("web", 2, "worker", 1))
                .put(formation)
                .then()
                .statusCode(200)
                .body(equalTo("{\"web\":2,\"worker\":1}"));
        json(Map.of("web", 3)).put(formation).then().statusCode(200).body(equalTo("{\"web\":3}"));
        api().get(formation).then().statusCode(200).body(equalTo("{\"web\":3}"));
    }

    @Test
    void releaseIsNotAProcessType() {
        String formation = "/api/v1/apps/" + newApp() + "/formation";
        json(Map.of("web", 1, "release", 1))
                .put(formation)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("release is the release task, not a process type: it cannot be scaled"));
        json(Map.of("web", 1, "release", 0))
                .put(formation)
                .then()
                .statusCode(200)
                .body(equalTo("{\"web\":1}"));
    }

    @Test
    void processTypesAndQuantitiesAreChecked() {
        String formation = "/api/v1/apps/" + newApp() + "/formation";
        json(Map.of("we b", 1)).put(formation).then().statusCode(422).contentType(PROBLEM_JSON);
        json(Map.of("web", -1)).put(formation).then().statusCode(422).contentType(PROBLEM_JSON);
        json(Map.of("x".repeat(64), 1)).put(formation).then().statusCode(422).contentType(PROBLEM_JSON);
        json("{\"web\": \"many\"}").put(formation).then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void configNamesAndValuesAreBounded() {
        String config = "/api/v1/apps/" + newApp() + "/config";
        json(Map.of("A".repeat(300), "x"))
                .put(config)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("A".repeat(32) + "...: a variable name has at most 255 characters"));
        json(Map.of("A".repeat(255), "x")).put(config).then().statusCode(200);
        json(Map.of("BIG", "x".repeat(65537))).patch(config).then().statusCode(422);

        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 501; i++) {
            many.put("V" + i, "x");
        }
        json(many)
                .put(config)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("an app has at most 500 config variables, not 501"));
        many.remove("V500");
        json(many).put(config).then().statusCode(200);
        json(Map.of("ONE_MORE", "x"))
                .patch(config)
                .then()
                .statusCode(422)
                .body("detail", equalTo("an app has at most 500 config variables, not 501"));
        api().get(config).then().statusCode(200).body("ONE_MORE", nullValue());
    }

    @Test
    void aConfigValueCannotHoldNul() {
        String config = "/api/v1/apps/" + newApp() + "/config";
        for (String method : new String[] {"PUT", "PATCH"}) {
            json(Map.of("MYSECRET", "abc\u0000def"))
                    .request(method, config)
                    .then()
                    .statusCode(422)
                    .contentType(PROBLEM_JSON)
                    .body("detail", equalTo("MYSECRET: a value cannot contain the NUL character (\\u0000)"));
        }
        api().get(config).then().statusCode(200).body(equalTo("{}"));
    }

    @Test
    void processCountsAreBoundedPerType() {
        String formation = "/api/v1/apps/" + newApp() + "/formation";
        json(Map.of("web", 2147483647))
                .put(formation)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body(
                        "detail",
                        equalTo("web: at most 100 containers per process type, not 2147483647"
                                + " (slipway.max-processes-per-type)"));
        json(Map.of("web", 100, "worker", 101)).put(formation).then().statusCode(422);
        api().get(formation).then().statusCode(200).body(equalTo("{}"));
        json(Map.of("web", 100)).put(formation).then().statusCode(200).body(equalTo("{\"web\":100}"));
    }

    @Test
    void anAppsTaskTimeoutIsBoundedToADay() {
        String app = "/api/v1/apps/" + newApp();
        for (String seconds : new String[] {"9223372036854775807", "86401", "0"}) {
            json("{\"taskTimeoutSeconds\": " + seconds + "}")
                    .patch(app)
                    .then()
                    .statusCode(422)
                    .contentType(PROBLEM_JSON)
                    .body("detail", equalTo("taskTimeoutSeconds: from 1 to 86400 seconds, not " + seconds));
        }
        api().get(app).then().statusCode(200).body("taskTimeoutSeconds", nullValue());
        json(Map.of("taskTimeoutSeconds", 86400))
                .patch(app)
                .then()
                .statusCode(200)
                .body("taskTimeoutSeconds", equalTo(86400));
    }

    @Test
    void valuesOfTheWrongJsonTypeAreRefusedNamingTheirField() {
        String app = "/api/v1/apps/" + newApp();
        json("{\"web\": 1.5}")
                .put(app + "/formation")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("web: expected a whole number"));
        json("{\"web\": \"2\"}")
                .put(app + "/formation")
                .then()
                .statusCode(400)
                .body("detail", equalTo("web: expected a whole number"));
        json("{\"PORT\": 5000}")
                .put(app + "/config")
                .then()
                .statusCode(400)
                .body("detail", equalTo("PORT: expected a string"));
        json("{\"DEBUG\": true}")
                .patch(app + "/config")
                .then()
                .statusCode(400)
                .body("detail", equalTo("DEBUG: expected a string"));
        json("{\"taskTimeoutSeconds\": \"60\"}")
                .patch(app)
                .then()
                .statusCode(400)
                .body("detail", equalTo("taskTimeoutSeconds: expected a whole number"));
        api().get(app + "/formation").then().statusCode(200).body(equalTo("{}"));
        api().get(app + "/config").then().statusCode(200).body(equalTo("{}"));
    }
}
