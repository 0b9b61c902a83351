package io.slipway.gateway;

import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ShortTransactionsProfile.class)
class AppDeletionTests {

    @Inject
    DataSource dataSource;

    /** 2000 deployments and 600 000 log lines: more than one transaction may delete within its timeout. */
    @Test
    void anAppWithThousandsOfDeploymentsIsDeletedInShortTransactions() throws SQLException {
        StoredRows rows = new StoredRows(dataSource);
        String app = newApp();
        List<String> ids = rows.deployments(app, 2000, 300);
        // Read once before the deletion: a deployment read is kept until a change, and the bulk delete is one.
        api().get("/api/v1/deployments/" + ids.get(0)).then().statusCode(200);
        // A warm gateway: on a busy host the first statements of each kind take seconds to prepare.
        String warm = newApp();
        rows.deployments(warm, 3, 3);
        api().delete("/api/v1/apps/" + warm).then().statusCode(204);

        api().delete("/api/v1/apps/" + app).then().statusCode(anyOf(is(204), is(202)));

        api().get("/api/v1/apps/" + app).then().statusCode(404);
        Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .until(() -> rows.count("select count(*) from app where name = ?", app) == 0);
        assertThat(rows.count("select count(*) from deployment where app_name = ?", app))
                .isZero();
        api().get("/api/v1/deployments/" + ids.get(0)).then().statusCode(404);
        json(Map.of("name", app)).post("/api/v1/apps").then().statusCode(201);
    }

    /** While its rows are being forgotten, the app is nowhere in the API, and its name is not free yet. */
    @Test
    void anAppBeingDeletedIsGoneAtOnceAndItsNameTaken() throws SQLException {
        StoredRows rows = new StoredRows(dataSource);
        String app = newApp();
        rows.update("update app set removal_started_at = current_timestamp where name = ?", app);

        api().get("/api/v1/apps/" + app).then().statusCode(404).contentType(PROBLEM_JSON);
        api().get("/api/v1/apps").then().statusCode(200).body(not(containsString("\"" + app + "\"")));
        api().get("/api/v1/apps/" + app + "/deployments").then().statusCode(404);
        api().get("/api/v1/apps/" + app + "/config").then().statusCode(404);
        json(Map.of("image", "example/web:1"))
                .post("/api/v1/apps/" + app + "/deployments")
                .then()
                .statusCode(404);
        json(Map.of("name", app))
                .post("/api/v1/apps")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("is being deleted"));
        api().delete("/api/v1/apps/" + app).then().statusCode(404);
    }
}
