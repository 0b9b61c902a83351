package io.slipway.gateway;

import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static io.slipway.gateway.Tokens.as;
import static io.slipway.gateway.Tokens.asJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.slipway.gateway.audit.AuditRetention;
import io.slipway.runtime.testing.TestEngines;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTests {

    @Inject
    AuditRetention retention;

    @Test
    void aDeployIsRecordedWithItsActorAndTheDeploymentNamesIt() {
        String app = newApp();
        Tokens.Created deployer = Tokens.create("deployer", null);

        String id = asJson(deployer.value(), Map.of("image", TestEngines.baseImage()))
                .post("/api/v1/apps/" + app + "/deployments")
                .then()
                .statusCode(202)
                .body("actor", equalTo(deployer.name()))
                .extract()
                .path("id");

        Api.api().get("/api/v1/deployments/" + id).then().body("actor", equalTo(deployer.name()));
        Map<String, Object> entry = only(audit("?app=" + app + "&actor=" + deployer.name()));
        assertThat(entry)
                .containsEntry("action", "POST /api/v1/apps/{app}/deployments")
                .containsEntry("app", app)
                .containsEntry("target", id)
                .containsEntry("outcome", "succeeded")
                .containsEntry("role", "deployer")
                .containsEntry("sourceAddress", "127.0.0.1");
        assertThat(entry).containsKeys("id", "at", "actor");
    }

    @Test
    void aRefusedDeployIsRecorded() {
        String app = newApp();
        Tokens.Created viewer = Tokens.create("viewer", null);

        asJson(viewer.value(), Map.of("image", TestEngines.baseImage()))
                .post("/api/v1/apps/" + app + "/deployments")
                .then()
                .statusCode(403);

        List<Map<String, Object>> found = await().atMost(Duration.ofSeconds(10))
                .until(() -> audit("?actor=" + viewer.name()), entries -> !entries.isEmpty());
        assertThat(only(found))
                .containsEntry("action", "POST /api/v1/apps/{app}/deployments")
                .containsEntry("outcome", "refused")
                .containsEntry("status", 403)
                .containsEntry("role", "viewer");
    }

    @Test
    void aRevokeAndARequestWithoutAValidTokenAreRecorded() {
        Tokens.Created token = Tokens.create("viewer", null);
        Api.api().delete("/api/v1/tokens/" + token.id()).then().statusCode(204);
        Instant since = Instant.now();

        as(token.value()).get("/api/v1/apps").then().statusCode(401);

        assertThat(audit("?actor=bootstrap&limit=500"))
                .anySatisfy(entry -> assertThat(entry)
                        .containsEntry("action", "DELETE /api/v1/tokens/{id}")
                        .containsEntry("target", token.id())
                        .containsEntry("outcome", "succeeded"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(audit("?since=" + since))
                        .anySatisfy(entry -> assertThat(entry)
                                .containsEntry("action", "GET /api/v1/apps")
                                .containsEntry("outcome", "refused")
                                .containsEntry("status", 401)));
    }

    @Test
    void theLogIsNewestFirstInPagesAndForAdminsOnly() {
        String app = newApp();
        for (int i = 0; i < 3; i++) {
            json(Map.of("V", "value-" + i))
                    .put("/api/v1/apps/" + app + "/config")
                    .then()
                    .statusCode(200);
        }
        var first = Api.api()
                .get("/api/v1/audit?limit=2&app=" + app)
                .then()
                .statusCode(200)
                .extract();
        List<String> times = first.path("at");
        assertThat(times).hasSize(2);
        assertThat(Instant.parse(times.get(0))).isAfterOrEqualTo(Instant.parse(times.get(1)));
        String next = first.header("Link");
        assertThat(next).contains("rel=\"next\"").contains("app=" + app);
        String nextPath = next.substring(next.indexOf('<') + 1, next.indexOf('>'));
        List<Object> rest =
                Api.api().get(nextPath).then().statusCode(200).extract().path("id");
        assertThat(rest).as("the third config change").hasSize(1);
        assertThat(rest).doesNotContainAnyElementsOf(first.path("id"));

        as(Tokens.of("deployer")).get("/api/v1/audit").then().statusCode(403);
        Api.api().get("/api/v1/audit?since=yesterday").then().statusCode(400);
    }

    @Test
    void entriesOlderThanTheRetentionArePurged() {
        String app = newApp();
        json(Map.of("V", "x")).put("/api/v1/apps/" + app + "/config").then().statusCode(200);
        assertThat(audit("?app=" + app)).isNotEmpty();

        retention.purge(Instant.now().plus(Duration.ofDays(91)));

        assertThat(audit("?app=" + app)).isEmpty();
    }

    private static List<Map<String, Object>> audit(String query) {
        return JsonPath.from(Api.api()
                        .get("/api/v1/audit" + query)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .getList("$");
    }

    private static Map<String, Object> only(List<Map<String, Object>> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
