package io.slipway.gateway;

import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An app joins a network it shares with other apps only when its operator names one, and never an engine's own. */
@QuarkusTest
class SharedNetworkTests {

    @Test
    void anAppHasItsOwnNetworkUntilItsOperatorNamesASharedOneAndGetsItBackWithNull() {
        String app = newApp();
        String path = "/api/v1/apps/" + app;
        api().get(path).then().statusCode(200).body("network", nullValue());

        json(Map.of("network", "backend-1")).patch(path).then().statusCode(200).body("network", equalTo("backend-1"));
        api().get(path).then().statusCode(200).body("network", equalTo("backend-1"));
        // A patch that does not name the network keeps it.
        json(Map.of("taskTimeoutSeconds", 30))
                .patch(path)
                .then()
                .statusCode(200)
                .body("network", equalTo("backend-1"));

        Map<String, Object> own = new HashMap<>();
        own.put("network", null);
        json(own).patch(path).then().statusCode(200).body("network", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"host", "bridge", "none", "podman", "slipway-app-other", "Upper", "-lead", "a b", ""})
    void engineNetworksOtherAppsOwnAndMalformedNamesAreRefusedNamingTheField(String network) {
        String app = newApp();
        json(Map.of("network", network))
                .patch("/api/v1/apps/" + app)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("network"));
        api().get("/api/v1/apps/" + app).then().statusCode(200).body("network", nullValue());
    }

    @Test
    void aNameLongerThanAnEngineAcceptsIsRefused() {
        json(Map.of("network", "n".repeat(64)))
                .patch("/api/v1/apps/" + newApp())
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON);
    }
}
