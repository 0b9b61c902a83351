package io.slipway.gateway;

import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static io.slipway.gateway.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.slipway.gateway.repository.TokenRecord;
import io.slipway.gateway.repository.TokenRepository;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class TokenTests {

    @Inject
    TokenRepository tokens;

    @Inject
    TestDeployments deployments;

    @Test
    void aCreatedTokenIsShownOnceOpensTheApiInItsRoleAndIsKeptOnlyAsAHash() {
        String name = "ci-" + UUID.randomUUID().toString().substring(0, 8);
        var created = json(Map.of("name", name, "role", "deployer"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .body("name", equalTo(name))
                .body("role", equalTo("deployer"))
                .body("apps", nullValue())
                .body("createdBy", equalTo("bootstrap"))
                .body("token", startsWith("slp_"))
                .extract();
        String value = created.path("token");
        String id = created.path("id");
        assertThat(Base64.getUrlDecoder().decode(value.substring(4))).hasSize(32);

        as(value).get("/api/v1/apps").then().statusCode(200);
        Api.api()
                .get("/api/v1/tokens")
                .then()
                .statusCode(200)
                .body("name", hasItem(name))
                .body(not(containsString(value)));
        TokenRecord stored = QuarkusTransaction.requiringNew().call(() -> tokens.findById(id));
        assertThat(stored.name()).isEqualTo(name);
        assertThat(tokens.count("valueHash", value)).isZero();
    }

    @Test
    void aRevokedTokenIsRefusedAtItsNextRequest() {
        Tokens.Created token = Tokens.create("viewer", null);
        as(token.value()).get("/api/v1/apps").then().statusCode(200);

        Api.api().delete("/api/v1/tokens/" + token.id()).then().statusCode(204);

        as(token.value())
                .get("/api/v1/apps")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer realm=\"slipway\"");
        Api.api()
                .get("/api/v1/tokens")
                .then()
                .body("find { it.id == '" + token.id() + "' }.revokedAt", not(nullValue()));
    }

    @Test
    void revokingAnUnknownTokenIsNotFound() {
        Api.api()
                .delete("/api/v1/tokens/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void anExpiredTokenIsRefusedWithADetailSayingSo() {
        String name = "short-" + UUID.randomUUID().toString().substring(0, 8);
        String value = json(Map.of(
                        "name",
                        name,
                        "role",
                        "viewer",
                        "expiresAt",
                        Instant.now().plusSeconds(2).toString()))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        as(value).get("/api/v1/apps").then().statusCode(200);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> as(value).get("/api/v1/apps").statusCode() == 401);

        as(value)
                .get("/api/v1/apps")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("expired"));
    }

    static List<Object[]> invalidTokens() {
        String app = "no-such-app-" + UUID.randomUUID().toString().substring(0, 8);
        return List.of(
                new Object[] {Map.of("name", "x", "role", "owner"), "role"},
                new Object[] {Map.of("name", "x", "role", "viewer", "apps", List.of(app)), "apps"},
                new Object[] {Map.of("name", "x", "role", "viewer", "expiresAt", "2020-01-01T00:00:00Z"), "expiresAt"},
                new Object[] {Map.of("name", "n".repeat(101), "role", "viewer"), "name"},
                new Object[] {Map.of("name", "line\nbreak", "role", "viewer"), "name"},
                new Object[] {Map.of("name", "", "role", "viewer"), "name"});
    }

    @ParameterizedTest
    @MethodSource("invalidTokens")
    void badInputIsA400NamingTheField(Map<String, Object> body, String field) {
        json(body)
                .post("/api/v1/tokens")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", startsWith(field + ":"));
    }

    @Test
    void theBootstrapNameAndATakenNameAreConflicts() {
        json(Map.of("name", "bootstrap", "role", "viewer"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(409);
        Tokens.Created token = Tokens.create("viewer", null);
        json(Map.of("name", token.name(), "role", "admin"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(409);
    }

    @Test
    void aViewerSeesConfigNamesWithTheirValuesMasked() {
        String app = newApp();
        String secret = "s-" + UUID.randomUUID();
        json(Map.of("SECRET", secret))
                .put("/api/v1/apps/" + app + "/config")
                .then()
                .statusCode(200);

        as(Tokens.of("viewer"))
                .get("/api/v1/apps/" + app + "/config")
                .then()
                .statusCode(200)
                .body("SECRET", equalTo("********"))
                .body(not(containsString(secret)));
        as(Tokens.of("deployer"))
                .get("/api/v1/apps/" + app + "/config")
                .then()
                .statusCode(200)
                .body("SECRET", equalTo(secret));
    }

    @Test
    void aForbiddenCallNamesTheRoleItNeeds() {
        String app = newApp();
        as(Tokens.of("viewer"))
                .contentType("application/json")
                .body("{\"web\":1}")
                .put("/api/v1/apps/" + app + "/formation")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("deployer"));
        as(Tokens.of("deployer"))
                .delete("/api/v1/apps/" + app)
                .then()
                .statusCode(403)
                .body("detail", containsString("admin"));
        as(Tokens.of("deployer")).get("/api/v1/tokens").then().statusCode(403);
        Api.api().get("/api/v1/apps/" + app).then().statusCode(200);
    }

    @Test
    void aTokenLimitedToAppsSeesOnlyThoseAndOthersAsAbsent() {
        String mine = newApp();
        String other = newApp();
        String otherDeployment = deployments.queued(other, "example/web:1");
        String token = Tokens.create("deployer", List.of(mine)).value();

        as(token).get("/api/v1/apps").then().statusCode(200).body("name", equalTo(List.of(mine)));
        as(token).get("/api/v1/apps/" + mine).then().statusCode(200);
        as(token)
                .get("/api/v1/apps/" + other)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("no app named " + other));
        as(token).get("/api/v1/apps/" + other + "/config").then().statusCode(404);
        as(token).get("/api/v1/deployments/" + otherDeployment).then().statusCode(404);
        as(token)
                .post("/api/v1/deployments/" + otherDeployment + "/cancel")
                .then()
                .statusCode(404);
        Api.api()
                .get("/api/v1/deployments/" + otherDeployment)
                .then()
                .statusCode(200)
                .body("status", equalTo("QUEUED"));
        Map<String, Object> wider = new HashMap<>(Map.of("name", "wider", "role", "admin"));
        as(Tokens.create("admin", List.of(mine)).value())
                .contentType("application/json")
                .body(wider)
                .post("/api/v1/tokens")
                .then()
                .statusCode(403);
    }

    @Test
    void theSessionTellsAnyTokenItsOwnRoleAndApps() {
        String app = newApp();
        Tokens.Created viewer = Tokens.create("viewer", List.of(app));
        as(viewer.value())
                .get("/api/v1/session")
                .then()
                .statusCode(200)
                .body("actor", equalTo(viewer.name()))
                .body("role", equalTo("viewer"))
                .body("apps", equalTo(List.of(app)));
        Api.api()
                .get("/api/v1/session")
                .then()
                .statusCode(200)
                .body("actor", equalTo("bootstrap"))
                .body("role", equalTo("admin"))
                .body("apps", nullValue());
    }
}
