package io.slipway.gateway;

import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.deploy;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestImages;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * app.json's env through real deployments on rootful Podman: a required variable stops the first one before any
 * task, defaults and a generated secret fill what the config lacks and are kept, the operator's values win.
 */
@QuarkusTest
class AppJsonEnvTests {

    @Inject
    ContainerRuntime runtime;

    @Test
    void requiredDefaultAndSecretVariablesWithHerokuSemantics() {
        try (TestImages images = new TestImages(runtime)) {
            String image = images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY app.json Procfile /app/")
                    .file("app.json", """
                            {"scripts": {"dokku": {"predeploy":
                              "echo greeting=$GREETING mode=$MODE secret-length=${#SESSION_SECRET}"}},
                             "env": {
                               "GREETING": {"value": "hello"},
                               "MODE": {"value": "production"},
                               "SESSION_SECRET": {"generator": "secret"},
                               "API_KEY": {"description": "the payment provider's key"}
                             }}""")
                    .file("Procfile", "web: exec httpd -f -p $PORT -h /tmp\n"));
            String app = newApp();
            String config = "/api/v1/apps/" + app + "/config";
            json(Map.of("MODE", "staging")).patch(config).then().statusCode(200);

            String first = deploy(app, image);
            api().get("/api/v1/deployments/" + first)
                    .then()
                    .body("status", equalTo("FAILED"))
                    .body(
                            "reason",
                            equalTo("app.json env: required config variables without a value: API_KEY"
                                    + " (set them in the app's config)"))
                    .body(
                            "phases.status",
                            equalTo(List.of("SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED")));
            api().get(config).then().body(equalTo("{\"MODE\":\"staging\"}"));

            json(Map.of("API_KEY", "key-123")).patch(config).then().statusCode(200);
            String second = deploy(app, image);
            api().get("/api/v1/deployments/" + second).then().body("status", equalTo("SUCCEEDED"));
            assertThat(logLines(second))
                    .contains("PREDEPLOY: greeting=hello mode=staging secret-length=64")
                    .noneMatch(line -> line.contains("key-123"));
            Map<String, String> after = api().get(config).then().extract().as(Map.class);
            assertThat(after).containsEntry("GREETING", "hello").containsEntry("MODE", "staging");
            String secret = after.get("SESSION_SECRET");
            assertThat(secret).matches("[0-9a-f]{64}");
            assertThat(logLines(second)).noneMatch(line -> line.contains(secret));
            api().get(config + "/sources")
                    .then()
                    .body(equalTo("{\"API_KEY\":\"operator\",\"GREETING\":\"app.json\",\"MODE\":\"operator\","
                            + "\"SESSION_SECRET\":\"app.json\"}"));

            deploy(app, image);
            api().get(config).then().body("SESSION_SECRET", equalTo(secret));
            json(Map.of("GREETING", "hi")).patch(config).then().statusCode(200);
            api().get(config + "/sources").then().body("GREETING", equalTo("operator"));

            api().delete("/api/v1/apps/" + app).then().statusCode(204);
            await().atMost(Duration.ofMinutes(1))
                    .ignoreExceptions()
                    .until(() -> runtime.listContainers(Map.of("io.slipway.app", app))
                            .isEmpty());
        }
    }

    private static List<String> logLines(String deploymentId) {
        return api().get("/api/v1/deployments/" + deploymentId + "/logs")
                .then()
                .extract()
                .body()
                .asString()
                .lines()
                .filter(line -> line.startsWith("data:"))
                .map(line -> line.substring(5).strip())
                .map(AppJsonEnvTests::phaseAndLine)
                .toList();
    }

    private static String phaseAndLine(String json) {
        io.restassured.path.json.JsonPath event = io.restassured.path.json.JsonPath.from(json);
        return event.getString("phase") + ": " + event.getString("line");
    }
}
