package io.slipway.gateway;

import static io.restassured.RestAssured.given;
import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.slipway.contract.DeploymentStatus;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestEngines;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of the API, called without the token under every spelling of its path a router
 * might resolve to it, never answers and never acts. The paths go on the wire as written (the JDK
 * client sends a URI's raw path; a 401 problem's {@code instance} echoes what the server saw).
 */
@QuarkusTest
class ApiAccessTests {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The app every call aims at, its deployments, a name no call may create, and what a token holder sees of them. */
    record Fixture(
            String app, String secret, String succeeded, String failed, String queued, String probe, String state) {

        String resolve(String text) {
            return text.replace("{app}", app)
                    .replace("{succeeded}", succeeded)
                    .replace("{failed}", failed)
                    .replace("{queued}", queued)
                    .replace("{probe}", probe);
        }
    }

    /**
     * One operation of the API; {@code {id}} is the deployment named by {@code deployment}.
     *
     * @param body with placeholders, or {@link #TAR} for a build context
     */
    record Endpoint(String method, String template, String deployment, String contentType, String body) {

        static Endpoint of(String method, String template) {
            return new Endpoint(method, template, null, null, null);
        }

        static Endpoint of(String method, String template, String contentType, String body) {
            return new Endpoint(method, template, null, contentType, body);
        }

        static Endpoint ofDeployment(String method, String template, String deployment) {
            return new Endpoint(method, template, deployment, null, null);
        }

        String path(Fixture fixture) {
            String id = deployment == null ? "" : fixture.resolve(deployment);
            return fixture.resolve(template.replace("{id}", id));
        }

        @Override
        public String toString() {
            return method + " " + template + (contentType == null ? "" : " (" + contentType + ")");
        }
    }

    private static final String JSON = "application/json";
    private static final String TAR = "application/x-tar";

    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("POST", "/api/v1/apps", JSON, "{\"name\":\"{probe}\"}"),
            Endpoint.of("GET", "/api/v1/apps"),
            Endpoint.of("GET", "/api/v1/apps/{app}"),
            Endpoint.of("PATCH", "/api/v1/apps/{app}", JSON, "{\"taskTimeoutSeconds\":7}"),
            Endpoint.of("DELETE", "/api/v1/apps/{app}"),
            Endpoint.of("GET", "/api/v1/apps/{app}/config"),
            Endpoint.of("PUT", "/api/v1/apps/{app}/config", JSON, "{\"CHANGED\":\"yes\"}"),
            Endpoint.of("PATCH", "/api/v1/apps/{app}/config", "application/merge-patch+json", "{\"SECRET\":null}"),
            Endpoint.of("GET", "/api/v1/apps/{app}/config/sources"),
            Endpoint.of("GET", "/api/v1/apps/{app}/formation"),
            Endpoint.of("PUT", "/api/v1/apps/{app}/formation", JSON, "{\"web\":3}"),
            Endpoint.of(
                    "POST", "/api/v1/apps/{app}/deployments", JSON, "{\"image\":\"" + TestEngines.baseImage() + "\"}"),
            Endpoint.of("POST", "/api/v1/apps/{app}/deployments", TAR, TAR),
            Endpoint.of("GET", "/api/v1/apps/{app}/deployments"),
            Endpoint.of("POST", "/api/v1/apps/{app}/rollback", JSON, "{\"release\":\"{succeeded}\"}"),
            Endpoint.of(
                    "POST",
                    "/api/v1/apps/{app}/webhooks",
                    JSON,
                    "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"probe-secret\"}"),
            Endpoint.of("GET", "/api/v1/apps/{app}/webhooks"),
            Endpoint.ofDeployment("DELETE", "/api/v1/apps/{app}/webhooks/{id}", "{succeeded}"),
            Endpoint.ofDeployment("GET", "/api/v1/apps/{app}/webhooks/{id}/deliveries", "{succeeded}"),
            Endpoint.ofDeployment("GET", "/api/v1/deployments/{id}", "{succeeded}"),
            Endpoint.ofDeployment("GET", "/api/v1/deployments/{id}/logs", "{succeeded}"),
            Endpoint.ofDeployment("POST", "/api/v1/deployments/{id}/cancel", "{queued}"),
            Endpoint.ofDeployment("POST", "/api/v1/deployments/{id}/retry", "{failed}"),
            Endpoint.of("POST", "/api/v1/apps/{app}/runs", JSON, "{\"command\":\"true\"}"),
            Endpoint.of("GET", "/api/v1/apps/{app}/runs"),
            Endpoint.of("GET", "/api/v1/apps/{app}/logs"),
            Endpoint.ofDeployment("GET", "/api/v1/runs/{id}", "{succeeded}"),
            Endpoint.ofDeployment("GET", "/api/v1/runs/{id}/logs", "{succeeded}"),
            Endpoint.ofDeployment("POST", "/api/v1/runs/{id}/cancel", "{succeeded}"),
            Endpoint.of("GET", "/api/v1/apps/{app}/cron"),
            Endpoint.ofDeployment("POST", "/api/v1/apps/{app}/cron/{id}/run", "{succeeded}"),
            new Endpoint("PUT", "/api/v1/apps/{app}/cron/{id}", "{succeeded}", JSON, "{\"suspended\":true}"),
            Endpoint.of("POST", "/api/v1/apps/{app}/restart"),
            Endpoint.of("POST", "/api/v1/apps/{app}/stop"),
            Endpoint.of("POST", "/api/v1/apps/{app}/start"),
            Endpoint.of("POST", "/api/v1/manifests/validate", JSON, "{\"appJson\":\"{}\",\"procfile\":\"web: run\"}"),
            Endpoint.of("POST", "/api/v1/tokens", JSON, "{\"name\":\"{probe}\",\"role\":\"admin\"}"),
            Endpoint.of("GET", "/api/v1/tokens"),
            Endpoint.ofDeployment("DELETE", "/api/v1/tokens/{id}", "{succeeded}"),
            Endpoint.of("GET", "/api/v1/audit"),
            Endpoint.of("GET", "/api/v1/session"),
            new Endpoint(
                    "POST",
                    "/api/v1/worker/deployments/{id}/claim",
                    "{queued}",
                    JSON,
                    "{\"workerId\":\"probe\",\"pool\":\"default\"}"),
            Endpoint.ofDeployment("GET", "/api/v1/worker/deployments/{id}/context", "{queued}"),
            new Endpoint(
                    "POST",
                    "/api/v1/worker/deployments/{id}/setup",
                    "{queued}",
                    JSON,
                    "{\"workerId\":\"probe\",\"pool\":\"default\"}"));

    /** Spellings of a path {@code /api/...} that a lenient router may take for it. */
    static final List<Map.Entry<String, UnaryOperator<String>>> SPELLINGS = List.of(
            Map.entry("as is", path -> path),
            Map.entry("encoded letter", path -> "/%61pi" + path.substring(4)),
            Map.entry("encoded version", path -> path.replaceFirst("^/api/v1/", "/api/%761/")),
            Map.entry("encoded dot segment", path -> "/%2e" + path),
            Map.entry("dot segment", path -> "/." + path),
            Map.entry("dot-dot segment", path -> "/x/.." + path),
            Map.entry("encoded dot-dot segment", path -> "/x/%2e%2e" + path),
            Map.entry("leading double slash", path -> "/" + path),
            Map.entry("inner double slash", path -> path.replaceFirst("^/api/", "/api//")),
            Map.entry("encoded slash", path -> path.replaceFirst("^/api/", "/api%2F")),
            Map.entry("matrix parameter", path -> path.replaceFirst("^/api/", "/api;x=1/")),
            Map.entry("trailing slash", path -> path + "/"),
            Map.entry("upper case", path -> "/API" + path.substring(4)),
            Map.entry("mixed case", path -> "/Api" + path.substring(4)));

    private static Fixture fixture;

    @Inject
    TestDeployments deployments;

    @BeforeEach
    void prepareTheFixtureOnce() {
        if (fixture != null) {
            return;
        }
        String app = newApp();
        String secret = "s-" + UUID.randomUUID();
        json(Map.of("SECRET", secret))
                .put("/api/v1/apps/" + app + "/config")
                .then()
                .statusCode(200);
        String image = TestEngines.baseImage();
        String succeeded = deployments
                .queuedWithEvents(app, image)
                .succeeds(image, "slipway/" + app + ":release-1")
                .id();
        String failed = deployments
                .queuedWithEvents(app, image)
                .started()
                .manifests(image, "{}", "web: run")
                .finished(DeploymentStatus.FAILED, "failed on purpose", null)
                .id();
        String queued = deployments.queued(app, image);
        String probe = "p-" + UUID.randomUUID().toString().substring(0, 8);
        fixture = new Fixture(app, secret, succeeded, failed, queued, probe, null);
        fixture = new Fixture(app, secret, succeeded, failed, queued, probe, state());
    }

    static Stream<Arguments> callsWithoutTheToken() {
        List<Arguments> calls = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            SPELLINGS.forEach(spelling -> calls.add(Arguments.of(endpoint, spelling.getKey(), spelling.getValue())));
        }
        return calls.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("callsWithoutTheToken")
    void noSpellingOfAnEndpointAnswersOrActsWithoutTheToken(
            Endpoint endpoint, String spellingName, UnaryOperator<String> spelling) throws Exception {
        String path = spelling.apply(endpoint.path(fixture));

        HttpResponse<String> response = send(endpoint, path);

        assertThat(response.statusCode())
                .as("status of %s %s", endpoint.method(), path)
                .isIn(401, 404);
        if (response.statusCode() == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"slipway\"");
        }
        // The problem's instance names the path (as the server resolved it): nothing else may name the fixture.
        String rest = response.body().replaceAll("\"instance\":\"[^\"]*\"", "");
        assertThat(rest)
                .as("what %s %s answered", endpoint.method(), path)
                .doesNotContain(
                        fixture.secret(), fixture.app(), fixture.succeeded(), fixture.failed(), "predeploy ran");
        if (!endpoint.method().equals("GET")) {
            assertThat(state())
                    .as("the state after %s %s", endpoint.method(), path)
                    .isEqualTo(fixture.state());
        }
    }

    /** The table above is the whole API: a new endpoint must be added to it to be released. */
    @Test
    void theTableCoversEveryOperationOfTheApi() {
        Set<String> tested = ENDPOINTS.stream()
                .map(endpoint -> endpoint.method() + " " + endpoint.template())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(tested).isEqualTo(describedOperations());
    }

    /** Every operation the OpenAPI document describes, as {@code METHOD /path/{template}}. */
    static Set<String> describedOperations() {
        Map<String, Map<String, Object>> paths = given().accept(JSON)
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        Set<String> described = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(method ->
                        Set.of("get", "post", "put", "patch", "delete").contains(method))
                .forEach(method -> described.add(method.toUpperCase() + " " + path)));
        return described;
    }

    /** Everything a call could change or create, read with the token. */
    private static String state() {
        String app = "/api/v1/apps/" + fixture.app();
        StringBuilder state = new StringBuilder();
        for (String path : List.of(
                app,
                app + "/config",
                app + "/formation",
                app + "/webhooks",
                app + "/deployments",
                "/api/v1/deployments/" + fixture.succeeded(),
                "/api/v1/deployments/" + fixture.failed(),
                "/api/v1/deployments/" + fixture.queued())) {
            state.append(path)
                    .append(" → ")
                    .append(api().get(path).then().statusCode(200).extract().asString())
                    .append('\n');
        }
        int probe = api().get("/api/v1/apps/" + fixture.probe()).statusCode();
        return state.append("probe app → ").append(probe).toString();
    }

    private static HttpResponse<String> send(Endpoint endpoint, String path) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body;
        if (endpoint.body() == null) {
            body = HttpRequest.BodyPublishers.noBody();
        } else if (endpoint.body().equals(TAR)) {
            body = HttpRequest.BodyPublishers.ofByteArray(
                    BuildContext.fromBaseImage("RUN touch /ran").toTar());
        } else {
            body = HttpRequest.BodyPublishers.ofString(fixture.resolve(endpoint.body()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(20))
                .method(endpoint.method(), body);
        if (endpoint.contentType() != null) {
            request.header("Content-Type", endpoint.contentType());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
