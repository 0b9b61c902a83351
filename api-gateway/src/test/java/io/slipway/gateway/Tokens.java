package io.slipway.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** API tokens made with the bootstrap token, for tests that call the API in a role. */
final class Tokens {

    private Tokens() {}

    /** A token of {@code role} for every app; returns its value. */
    static String of(String role) {
        return create(role, null).value();
    }

    record Created(String id, String name, String value) {}

    /** @param apps null for every app */
    static Created create(String role, List<String> apps) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "test-" + role + "-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("role", role);
        if (apps != null) {
            body.put("apps", apps);
        }
        var answer =
                Api.json(body).post("/api/v1/tokens").then().statusCode(201).extract();
        return new Created(answer.path("id"), answer.path("name"), answer.path("token"));
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    static RequestSpecification asJson(String token, Object body) {
        return as(token).contentType(ContentType.JSON).body(body);
    }
}
