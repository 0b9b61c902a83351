package io.slipway.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What operators and the web UI rely on besides the API. */
@QuarkusTest
class OperabilityTests {

    @Inject
    AgroalDataSource database;

    /** On a busy host, opening an existing H2 database at start took longer than Agroal's default 5 s. */
    @Test
    void aConnectionMayTakeHalfAMinuteToOpen() {
        assertThat(database.getConfiguration().connectionPoolConfiguration().acquisitionTimeout())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndItsToken() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/apps/{app}/deployments'.post", notNullValue())
                .body("paths.'/api/v1/deployments/{id}/logs'.get", notNullValue())
                .body("paths.'/api/v1/manifests/validate'.post", notNullValue())
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/apps/{app}/formation'.put.description", containsString("next deployment"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void healthCoversTheEngineTheDatabaseAndMessaging() {
        given().get("/q/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(
                        "checks.name",
                        hasItems(
                                "container-engine",
                                "engine-start",
                                "Database connections health check",
                                "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("# TYPE"));
    }

    @Test
    void theWebUiIsServedAtTheRoot() {
        given().get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Slipway"));
        given().get("/ui/events.js").then().statusCode(200).body(containsString("/logs"));
        given().get("/favicon.svg").then().statusCode(200).contentType(containsString("image/svg"));
    }

    /** Fixed file names: a browser that kept them for a day would run an old UI after an upgrade. */
    @Test
    void theWebUiIsRevalidatedOnEveryLoad() {
        for (String file : new String[] {"/", "/index.html", "/favicon.svg", "/ui/app.js", "/ui/slipway.css"}) {
            String lastModified = given().get(file)
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", equalTo("no-cache"))
                    .extract()
                    .header("Last-Modified");
            assertThat(lastModified).as(file).isNotNull();
            given().header("If-Modified-Since", lastModified).get(file).then().statusCode(304);
        }
    }
}
