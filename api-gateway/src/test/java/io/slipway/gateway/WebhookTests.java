package io.slipway.gateway;

import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.deploy;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestImages;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Signed webhooks: received on loopback for real deployments on rootful Podman, retried, listed, removed. */
@QuarkusTest
class WebhookTests {

    private static final String SECRET = "whsec-test-1234";

    @Inject
    ContainerRuntime runtime;

    @Inject
    TestDeployments deployments;

    @Test
    void aSuccessfulAndAFailedDeploymentAreReportedInOrderAndSigned() throws Exception {
        try (TestImages images = new TestImages(runtime);
                WebhookReceiver receiver = new WebhookReceiver(0)) {
            String image = images.build(
                    BuildContext.fromBaseImage("WORKDIR /app", "COPY Procfile /app/")
                            .file(
                                    "Procfile",
                                    "web: exec httpd -f -p $PORT -h /tmp\nrelease: test -f /tmp/fail && exit 3 || echo released\n"));
            String failing = images.build(BuildContext.from(image, "RUN touch /tmp/fail"));
            String app = newApp();
            json(Map.of("url", receiver.url(), "secret", SECRET))
                    .post("/api/v1/apps/" + app + "/webhooks")
                    .then()
                    .statusCode(201)
                    .body("url", equalTo(receiver.url()))
                    .body("events", contains("deployment.started", "deployment.phase_failed", "deployment.finished"))
                    .body("$", not(hasKey("secret")));

            String succeeded = deploy(app, image);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.requests().size() == 2);
            String failed = deploy(app, failing);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.requests().size() == 5);

            List<WebhookReceiver.Request> requests = receiver.requests();
            assertThat(requests)
                    .extracting(WebhookReceiver.Request::event)
                    .containsExactly(
                            "deployment.started",
                            "deployment.finished",
                            "deployment.started",
                            "deployment.phase_failed",
                            "deployment.finished");
            for (WebhookReceiver.Request request : requests) {
                assertSigned(request);
                JsonPath body = JsonPath.from(request.body());
                assertThat(body.getString("event")).isEqualTo(request.event());
                assertThat(body.getString("deliveryId")).isEqualTo(request.delivery());
                assertThat(body.getString("app")).isEqualTo(app);
            }
            JsonPath success = JsonPath.from(requests.get(1).body());
            assertThat(success.getString("deployment.id")).isEqualTo(succeeded);
            assertThat(success.getString("deployment.status")).isEqualTo("SUCCEEDED");
            assertThat(success.getList("deployment.phases.phase"))
                    .containsExactly("BUILD", "PREDEPLOY", "RELEASE", "DEPLOY", "SETUP", "POSTDEPLOY");
            assertThat(success.getInt("deployment.phases[2].exitCode")).isZero();
            assertThat(success.getLong("deployment.phases[2].durationMillis")).isNotNegative();
            JsonPath phaseFailed = JsonPath.from(requests.get(3).body());
            assertThat(phaseFailed.getString("phase")).isEqualTo("RELEASE");
            JsonPath failure = JsonPath.from(requests.get(4).body());
            assertThat(failure.getString("deployment.id")).isEqualTo(failed);
            assertThat(failure.getString("deployment.status")).isEqualTo("FAILED");
            assertThat(failure.getString("deployment.reason")).isEqualTo("release: release exited with code 3");
            assertThat(failure.getInt("deployment.phases[2].exitCode")).isEqualTo(3);

            String webhook = api().get("/api/v1/apps/" + app + "/webhooks")
                    .then()
                    .extract()
                    .path("[0].id");
            api().get("/api/v1/apps/" + app + "/webhooks/" + webhook + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("status", contains("DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED"))
                    .body("[0].attempts[0].statusCode", equalTo(204));
            api().delete("/api/v1/apps/" + app).then().statusCode(204);
        }
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheSameDeliveryAThirdTime() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(2)) {
            String app = newApp();
            String webhook = json(Map.of(
                            "url", receiver.url(), "secret", SECRET, "events", List.of("deployment.started")))
                    .post("/api/v1/apps/" + app + "/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");

            deployments.queuedWithEvents(app, "shop:1").started();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.requests().size() == 3);
            List<WebhookReceiver.Request> requests = receiver.requests();
            assertThat(requests).extracting(WebhookReceiver.Request::answered).containsExactly(503, 503, 204);
            assertThat(requests)
                    .extracting(WebhookReceiver.Request::delivery)
                    .containsOnly(requests.get(0).delivery());
            requests.forEach(WebhookTests::assertSigned);
            api().get("/api/v1/apps/" + app + "/webhooks/" + webhook + "/deliveries")
                    .then()
                    .body("status", contains("DELIVERED"))
                    .body("[0].attempts.statusCode", contains(503, 503, 204));

            api().delete("/api/v1/apps/" + app + "/webhooks/" + webhook).then().statusCode(204);
            api().get("/api/v1/apps/" + app + "/webhooks").then().body("$", empty());
            api().delete("/api/v1/apps/" + app + "/webhooks/" + webhook).then().statusCode(404);
        }
    }

    @Test
    void onlyHttpUrlsKnownEventsAndASecretAreTaken() {
        String webhooks = "/api/v1/apps/" + newApp() + "/webhooks";
        json(Map.of("url", "ftp://127.0.0.1/hook", "secret", SECRET))
                .post(webhooks)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("url: only http and https URLs receive webhooks"));
        json(Map.of("url", "http://127.0.0.1/" + "x".repeat(2048), "secret", SECRET))
                .post(webhooks)
                .then()
                .statusCode(422);
        json(Map.of("url", "http://127.0.0.1/hook")).post(webhooks).then().statusCode(422);
        json(Map.of("url", "http://127.0.0.1/hook", "secret", SECRET, "events", List.of("deployment.exploded")))
                .post(webhooks)
                .then()
                .statusCode(422);
        json(Map.of("url", "http://127.0.0.1/hook", "secret", SECRET))
                .post("/api/v1/apps/nobody-here/webhooks")
                .then()
                .statusCode(404);
    }

    private static void assertSigned(WebhookReceiver.Request request) {
        String[] parts = request.signature().split(",");
        assertThat(parts[0]).startsWith("t=");
        long t = Long.parseLong(parts[0].substring(2));
        assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(300);
        assertThat(parts[1]).isEqualTo("v1=" + hmac(t + "." + request.body()));
    }

    private static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
