package io.slipway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The least role of every operation of the API, called by a token of each role under every spelling of its path the
 * hardening tests use. The calls name no app, deployment or token that exists, so a call its role opens answers what
 * the operation answers for an absent one (404, or 400/422 for its body) and none acts: what is asserted is only
 * whether the role opened it. The table is checked against the OpenAPI document at test time, so an operation added
 * without a row fails.
 */
@QuarkusTest
class RoleTableTests {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final String JSON = "application/json";

    /** One operation, the least role that opens it, and a body of the wrong shape where it takes one. */
    record Row(String method, String template, String role, String contentType, String body) {

        static Row of(String method, String template, String role) {
            return new Row(method, template, role, null, null);
        }

        static Row withBody(String method, String template, String role, String contentType) {
            return new Row(method, template, role, contentType, "{\"unknownField\":1}");
        }

        String path() {
            return template.replace("{app}", ABSENT_APP).replace("{id}", ABSENT_ID);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private static final String ABSENT_APP =
            "absent-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String ABSENT_ID = UUID.randomUUID().toString();

    /** Rule: reads are viewer; deploying and operating an app deployer; apps, settings, webhooks, tokens, audit admin. */
    static final List<Row> ROWS = List.of(
            Row.withBody("POST", "/api/v1/apps", "admin", JSON),
            Row.of("GET", "/api/v1/apps", "viewer"),
            Row.of("GET", "/api/v1/apps/{app}", "viewer"),
            Row.withBody("PATCH", "/api/v1/apps/{app}", "admin", JSON),
            Row.of("DELETE", "/api/v1/apps/{app}", "admin"),
            Row.of("GET", "/api/v1/apps/{app}/config", "viewer"),
            Row.withBody("PUT", "/api/v1/apps/{app}/config", "deployer", JSON),
            Row.withBody("PATCH", "/api/v1/apps/{app}/config", "deployer", JSON),
            Row.of("GET", "/api/v1/apps/{app}/config/sources", "viewer"),
            Row.of("GET", "/api/v1/apps/{app}/formation", "viewer"),
            Row.withBody("PUT", "/api/v1/apps/{app}/formation", "deployer", JSON),
            Row.withBody("POST", "/api/v1/apps/{app}/deployments", "deployer", JSON),
            Row.of("GET", "/api/v1/apps/{app}/deployments", "viewer"),
            Row.withBody("POST", "/api/v1/apps/{app}/rollback", "deployer", JSON),
            Row.withBody("POST", "/api/v1/apps/{app}/webhooks", "admin", JSON),
            Row.of("GET", "/api/v1/apps/{app}/webhooks", "viewer"),
            Row.of("DELETE", "/api/v1/apps/{app}/webhooks/{id}", "admin"),
            Row.of("GET", "/api/v1/apps/{app}/webhooks/{id}/deliveries", "viewer"),
            Row.of("GET", "/api/v1/deployments/{id}", "viewer"),
            Row.of("GET", "/api/v1/deployments/{id}/logs", "viewer"),
            Row.of("POST", "/api/v1/deployments/{id}/cancel", "deployer"),
            Row.of("POST", "/api/v1/deployments/{id}/retry", "deployer"),
            Row.withBody("POST", "/api/v1/apps/{app}/runs", "deployer", JSON),
            Row.of("GET", "/api/v1/apps/{app}/runs", "viewer"),
            Row.of("GET", "/api/v1/apps/{app}/logs", "viewer"),
            Row.of("GET", "/api/v1/runs/{id}", "viewer"),
            Row.of("GET", "/api/v1/runs/{id}/logs", "viewer"),
            Row.of("POST", "/api/v1/runs/{id}/cancel", "deployer"),
            Row.of("GET", "/api/v1/apps/{app}/cron", "viewer"),
            Row.of("POST", "/api/v1/apps/{app}/cron/{id}/run", "deployer"),
            Row.withBody("PUT", "/api/v1/apps/{app}/cron/{id}", "deployer", JSON),
            Row.of("POST", "/api/v1/apps/{app}/restart", "deployer"),
            Row.of("POST", "/api/v1/apps/{app}/stop", "deployer"),
            Row.of("POST", "/api/v1/apps/{app}/start", "deployer"),
            Row.withBody("POST", "/api/v1/manifests/validate", "viewer", JSON),
            Row.withBody("POST", "/api/v1/tokens", "admin", JSON),
            Row.of("GET", "/api/v1/tokens", "admin"),
            Row.of("DELETE", "/api/v1/tokens/{id}", "admin"),
            Row.of("GET", "/api/v1/audit", "admin"),
            Row.of("GET", "/api/v1/session", "viewer"),
            Row.withBody("POST", "/api/v1/worker/deployments/{id}/claim", "worker", JSON),
            Row.of("GET", "/api/v1/worker/deployments/{id}/context", "worker"),
            Row.withBody("POST", "/api/v1/worker/deployments/{id}/setup", "worker", JSON));

    private static final List<String> ROLES = List.of("viewer", "deployer", "admin");
    /** This test's tokens (an instance's: each profile has a database of its own). */
    private final Map<String, String> tokens = new HashMap<>();

    private String tokenOf(String role) {
        return tokens.computeIfAbsent(role, Tokens::of);
    }

    static Stream<Arguments> everyRowForEveryRole() {
        List<Arguments> calls = new ArrayList<>();
        for (Row row : ROWS) {
            for (String role : ROLES) {
                calls.add(Arguments.of(row, role));
            }
        }
        return calls.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRowForEveryRole")
    void eachRoleOpensExactlyTheOperationsOfItsTable(Row row, String role) throws Exception {
        boolean opens = ROLES.contains(row.role()) && ROLES.indexOf(role) >= ROLES.indexOf(row.role());
        for (Map.Entry<String, UnaryOperator<String>> spelling : ApiAccessTests.SPELLINGS) {
            String path = spelling.getValue().apply(row.path());
            HttpResponse<String> response = send(row, path, tokenOf(role));
            int status = response.statusCode();
            assertThat(status).as("%s %s as %s", row.method(), path, role).isNotEqualTo(401);
            assertThat(status).as("%s %s as %s", row.method(), path, role).isLessThan(500);
            if (!opens) {
                assertThat(status).as("%s %s as %s", row.method(), path, role).isIn(403, 404);
                if (status == 403) {
                    assertThat(response.body())
                            .as("the refusal names the role needed")
                            .contains("the role " + row.role());
                }
            } else if (spelling.getKey().equals("as is")) {
                assertThat(status).as("%s %s as %s", row.method(), path, role).isNotEqualTo(403);
            }
        }
    }

    /** The table above is the whole API: a new operation must be given its role here to be released. */
    @Test
    void theTableCoversEveryOperationOfTheApi() {
        Set<String> tabled = ROWS.stream()
                .map(row -> row.method() + " " + row.template())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(tabled).isEqualTo(ApiAccessTests.describedOperations());
    }

    private static HttpResponse<String> send(Row row, String path, String token) throws Exception {
        HttpRequest.BodyPublisher body = row.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(row.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .method(row.method(), body);
        if (row.contentType() != null) {
            request.header("Content-Type", row.contentType());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
