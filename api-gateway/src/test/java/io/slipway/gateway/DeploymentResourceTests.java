package io.slipway.gateway;

import static io.slipway.gateway.Api.PROBLEM_JSON;
import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.PhaseName;
import io.slipway.contract.PhaseStatus;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentRepository;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestEngines;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeploymentResourceTests {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    TestDeployments deployments;

    @Inject
    DeploymentRepository repository;

    @Test
    void anImageDeploymentIsQueuedWithEveryPhasePending() {
        String app = newApp();
        String id = json(Map.of("image", TestEngines.baseImage(), "taskTimeoutSeconds", 30))
                .post("/api/v1/apps/" + app + "/deployments")
                .then()
                .statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/deployments/" + UUID))
                .body("id", matchesPattern(UUID))
                .body("app", equalTo(app))
                .body("kind", equalTo("IMAGE"))
                .body("status", equalTo("QUEUED"))
                .body("image", equalTo(TestEngines.baseImage()))
                .body("releaseImage", nullValue())
                .body("taskTimeoutSeconds", equalTo(30))
                .body("createdAt", matchesPattern(".*Z"))
                .body(
                        "phases.phase",
                        equalTo(List.of("BUILD", "PREDEPLOY", "RELEASE", "DEPLOY", "SETUP", "POSTDEPLOY")))
                .body("phases.status", everyItem(equalTo("PENDING")))
                .extract()
                .path("id");
        api().get("/api/v1/deployments/" + id).then().statusCode(200).body("app", equalTo(app));
    }

    @Test
    void anImageDeploymentNeedsAnImageAndSaneFields() {
        String deployments = "/api/v1/apps/" + newApp() + "/deployments";
        json(Map.of())
                .post(deployments)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("image: an image reference is required"));
        json(Map.of("image", "a b")).post(deployments).then().statusCode(422).contentType(PROBLEM_JSON);
        json(Map.of("image", "x", "taskTimeoutSeconds", 0))
                .post(deployments)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON);
        json("{\"image\": ").post(deployments).then().statusCode(400).contentType(PROBLEM_JSON);
        json(Map.of("image", "x"))
                .post("/api/v1/apps/no-such-app/deployments")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aBuildContextIsUploadedAsATarOrGzip() {
        String app = newApp();
        BuildContext context = BuildContext.fromBaseImage("CMD [\"sleep\", \"1\"]");
        String tar = api().contentType("application/x-tar")
                .body(context.toTar())
                .post("/api/v1/apps/" + app + "/deployments")
                .then()
                .statusCode(202)
                .body("kind", equalTo("BUILD_CONTEXT"))
                .body("image", nullValue())
                .extract()
                .path("id");
        String gzip = api().contentType("application/gzip")
                .body(context.toGzip())
                .post("/api/v1/apps/" + app + "/deployments")
                .then()
                .statusCode(202)
                .body("kind", equalTo("BUILD_CONTEXT"))
                .extract()
                .path("id");

        // Both were built (the image is known), and the engine is done with them before the app goes with its images.
        await().atMost(Duration.ofMinutes(2))
                .until(() -> !stored(tar).isActive() && !stored(gzip).isActive());
        assertThat(stored(tar).image()).contains("slipway/" + app + ":build-" + tar);
        assertThat(stored(gzip).image()).contains("slipway/" + app + ":build-" + gzip);
        assertThat(Api.DATA_DIR.resolve("contexts/" + tar + ".tar")).doesNotExist();
        api().delete("/api/v1/apps/" + app).then().statusCode(204);
    }

    @Test
    void anUploadAboveTheLimitIsRefusedBeforeItIsRead() {
        byte[] tooLarge = new byte[1024 * 1024 + 1];
        api().contentType("application/x-tar")
                .body(tooLarge)
                .post("/api/v1/apps/" + newApp() + "/deployments")
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(413))
                .body(
                        "detail",
                        equalTo(
                                "the body has 1048577 bytes; the limit (slipway.gateway.max-upload-size) is 1048576 bytes"));
    }

    @Test
    void anEmptyUploadIsNotABuildContext() {
        api().contentType("application/x-tar")
                .body(new byte[0])
                .post("/api/v1/apps/" + newApp() + "/deployments")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void otherContentTypesAreUnsupported() {
        api().contentType("text/plain")
                .body("FROM scratch")
                .post("/api/v1/apps/" + newApp() + "/deployments")
                .then()
                .statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("title", equalTo("Unsupported Media Type"));
    }

    @Test
    void deploymentsAreListedNewestFirst() {
        String app = newApp();
        String older = deployments.queued(app, "example/web:1");
        String newer = deployments.queued(app, "example/web:2");

        assertThat(api().get("/api/v1/apps/" + app + "/deployments")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id"))
                .containsExactly(newer, older);
        assertThat(api().queryParam("limit", 1)
                        .get("/api/v1/apps/" + app + "/deployments")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id"))
                .containsExactly(newer);
        api().queryParam("limit", 0)
                .get("/api/v1/apps/" + app + "/deployments")
                .then()
                .statusCode(400);
    }

    @Test
    void anUnknownDeploymentIsNotFound() {
        for (String path : List.of("", "/logs")) {
            api().get("/api/v1/deployments/no-such-id" + path)
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM_JSON)
                    .body("detail", equalTo("no deployment no-such-id"));
        }
        for (String action : List.of("/cancel", "/retry")) {
            api().post("/api/v1/deployments/no-such-id" + action)
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM_JSON);
        }
    }

    @Test
    void aQueuedDeploymentCanBeCancelledAnEndedOneCannot() {
        String app = newApp();
        String queued = deployments.queued(app, "example/web:1");
        api().post("/api/v1/deployments/" + queued + "/cancel")
                .then()
                .statusCode(202)
                .body("id", equalTo(queued));

        String ended = deployments
                .queuedWithEvents(app, "example/web:1")
                .succeeds("example/web:1", "example/web:1")
                .id();
        api().post("/api/v1/deployments/" + ended + "/cancel")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("detail", endsWith("has ended (SUCCEEDED): nothing to cancel"));
    }

    @Test
    void aRetryDeploysTheSameImageWithTheSameManifests() {
        String app = newApp();
        String image = TestEngines.baseImage();
        String procfile = "release: echo retried\nweb: false\n";
        String failed = deployments
                .queuedWithEvents(app, image)
                .started()
                .manifests(image, "{}", procfile)
                .phase(PhaseName.RELEASE, PhaseStatus.FAILED, "exit 1", 1, "exited with code 1")
                .finished(DeploymentStatus.FAILED, "release: exited with code 1", null)
                .id();

        var response = api().post("/api/v1/deployments/" + failed + "/retry")
                .then()
                .statusCode(202)
                .body("kind", equalTo("IMAGE"))
                .body("status", equalTo("QUEUED"))
                .body("image", equalTo(image))
                .extract();
        String retry = response.path("id");

        assertThat(retry).isNotEqualTo(failed);
        assertThat(response.header("Location")).endsWith("/api/v1/deployments/" + retry);
        // The engine reports the manifests it used: the ones given with the retry, not re-read from the image.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> stored(retry).manifests().isPresent());
        assertThat(stored(retry).manifests()).contains(new ManifestFiles("{}", procfile));
    }

    @Test
    void onlyFailedOrCancelledDeploymentsWithAnImageCanBeRetried() {
        String app = newApp();
        String succeeded = deployments
                .queuedWithEvents(app, "example/web:1")
                .succeeds("example/web:1", "example/web:1")
                .id();
        api().post("/api/v1/deployments/" + succeeded + "/retry")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON);

        String unbuilt = deployments
                .events(deployments.queued(app, DeploymentKind.BUILD_CONTEXT, null), app)
                .started()
                .finished(DeploymentStatus.FAILED, "build: build failed", null)
                .id();
        api().post("/api/v1/deployments/" + unbuilt + "/retry")
                .then()
                .statusCode(409)
                .body(
                        "detail",
                        endsWith("never had an image (its build did not finish): deploy the build context again"));
    }

    @Test
    void aRollbackRunsAnEarlierReleaseImageAgain() {
        String app = newApp();
        String release = "slipway/" + app + ":release-old";
        String succeeded = deployments
                .queuedWithEvents(app, "example/web:1")
                .succeeds("example/web:1", release)
                .id();

        json(Map.of("release", succeeded))
                .post("/api/v1/apps/" + app + "/rollback")
                .then()
                .statusCode(202)
                .body("kind", equalTo("ROLLBACK"))
                .body("image", equalTo(release))
                .body("status", equalTo("QUEUED"));
    }

    @Test
    void aRollbackNeedsASuccessfulDeploymentOfTheApp() {
        String app = newApp();
        String other = newApp();
        String failed = deployments
                .queuedWithEvents(app, "example/web:1")
                .started()
                .finished(DeploymentStatus.FAILED, "deploy: exited", null)
                .id();
        String ofOtherApp = deployments
                .queuedWithEvents(other, "example/web:1")
                .succeeds("example/web:1", "example/web:1")
                .id();

        for (String release : List.of(failed, ofOtherApp, "no-such-id")) {
            json(Map.of("release", release))
                    .post("/api/v1/apps/" + app + "/rollback")
                    .then()
                    .statusCode(422)
                    .contentType(PROBLEM_JSON)
                    .body("detail", equalTo("release: " + release + " is not a successful deployment of " + app));
        }
        json(Map.of()).post("/api/v1/apps/" + app + "/rollback").then().statusCode(422);
        json(Map.of("release", failed))
                .post("/api/v1/apps/no-such-app/rollback")
                .then()
                .statusCode(404);
    }

    private Deployment stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findById(id));
    }

    @Test
    void aLimitThatIsNoNumberIsABadRequest() {
        api().queryParam("limit", "abc")
                .get("/api/v1/apps/" + newApp() + "/deployments")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("limit: not a whole number: abc"));
    }

    @Test
    void anUploadThatIsNoBuildContextIsRefusedAndNotKept() throws Exception {
        String deployments = "/api/v1/apps/" + newApp() + "/deployments";
        List<Path> kept = storedContexts();
        api().contentType("application/x-tar")
                .body("FROM scratch\n".repeat(100).getBytes(StandardCharsets.UTF_8))
                .post(deployments)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", startsWith("the build context is not a readable tar (plain or gzip): "));
        api().contentType("application/gzip")
                .body(gzip("not a tar at all".repeat(100).getBytes(StandardCharsets.UTF_8)))
                .post(deployments)
                .then()
                .statusCode(422)
                .body("detail", startsWith("the build context is not a readable tar (plain or gzip): "));
        api().contentType("application/x-tar")
                .body(BuildContext.empty().file("app.json", "{}").toTar())
                .post(deployments)
                .then()
                .statusCode(422)
                .body(
                        "detail",
                        equalTo("the build context has no Dockerfile at its root: it is built from ./Dockerfile"));
        api().get(deployments).then().statusCode(200).body(equalTo("[]"));
        assertThat(storedContexts()).isSubsetOf(kept);
    }

    @Test
    void aContextThatUnpacksBeyondTheLimitIsRefusedWhileItIsRead() throws Exception {
        // 5 MiB of zeros, a few KiB gzipped: above the test profile's 4M unpacked limit, far below its upload limit.
        byte[] bomb = BuildContext.fromBaseImage("CMD [\"true\"]")
                .file("zeros", "\0".repeat(5 * 1024 * 1024))
                .toGzip();
        assertThat(bomb.length).isLessThan(64 * 1024);
        String deployments = "/api/v1/apps/" + newApp() + "/deployments";
        List<Path> kept = storedContexts();

        api().contentType("application/gzip")
                .body(bomb)
                .post(deployments)
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body(
                        "detail",
                        equalTo("the build context unpacks to more than 4194304 bytes, the limit"
                                + " (slipway.gateway.max-context-unpacked-size)"));
        api().get(deployments).then().statusCode(200).body(equalTo("[]"));
        assertThat(storedContexts()).isSubsetOf(kept);
    }

    @Test
    void aBuildContextUploadTakesATaskTimeout() {
        String deployments = "/api/v1/apps/" + newApp() + "/deployments";
        byte[] context = BuildContext.fromBaseImage("CMD [\"true\"]").toTar();
        String id = api().contentType("application/x-tar")
                .queryParam("taskTimeoutSeconds", 60)
                .body(context)
                .post(deployments)
                .then()
                .statusCode(202)
                .body("taskTimeoutSeconds", equalTo(60))
                .extract()
                .path("id");
        api().post("/api/v1/deployments/" + id + "/cancel").then().statusCode(202);
        api().contentType("application/x-tar")
                .queryParam("taskTimeoutSeconds", "9223372036854775807")
                .body(context)
                .post(deployments)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("taskTimeoutSeconds: from 1 to 86400 seconds, not 9223372036854775807"));
        api().contentType("application/x-tar")
                .queryParam("taskTimeoutSeconds", "soon")
                .body(context)
                .post(deployments)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("taskTimeoutSeconds: not a whole number: soon"));
    }

    @Test
    void anImageDeploymentsTaskTimeoutIsBoundedToADay() {
        json("{\"image\": \"x\", \"taskTimeoutSeconds\": 9223372036854775807}")
                .post("/api/v1/apps/" + newApp() + "/deployments")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("taskTimeoutSeconds: from 1 to 86400 seconds, not 9223372036854775807"));
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        }
        return bytes.toByteArray();
    }

    /** Contexts kept in the data directory, finished or partial. */
    private static List<Path> storedContexts() throws IOException {
        Path contexts = Api.DATA_DIR.resolve("contexts");
        if (!Files.isDirectory(contexts)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(contexts)) {
            return files.toList();
        }
    }
}
