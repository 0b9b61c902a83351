package io.slipway.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The headers that keep browsers from framing, sniffing or leaking what the gateway answers. */
@QuarkusTest
class ResponseHeadersTests {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/ui/app.js", "/ui/slipway.css", "/favicon.svg"})
    void theWebUiLoadsOnlyItsOwnFilesAndIsNeverFramed(String path) {
        hardened(given().get(path).then().statusCode(200))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/apps", "/api/v1/no-such-endpoint"})
    void apiAnswersAreDataThatLoadNothing(String path) {
        hardened(Api.api().get(path).then()).header("Content-Security-Policy", containsString("default-src 'none'"));
        hardened(given().get(path).then().statusCode(401))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    private static ValidatableResponse hardened(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"));
    }
}
