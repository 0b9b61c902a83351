package io.slipway.gateway;

import static io.slipway.gateway.Api.api;
import static io.slipway.gateway.Api.json;
import static io.slipway.gateway.Api.newApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.quarkus.test.junit.QuarkusTest;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestImages;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Dry runs on rootful Podman: the plan of an image and of a build context, by the pipeline's own rules, with no
 * deployment stored and no container started (counted by the app's label, and in the engine's events).
 */
@QuarkusTest
class DryRunTests {

    private static final String APP_JSON = """
            {"scripts": {"dokku": {"predeploy": "echo \\"a b\\" c", "postdeploy": ""}},
             "env": {"GREETING": {"value": "hello"}, "SESSION_SECRET": {"generator": "secret"},
                     "API_KEY": {"required": true}},
             "healthchecks": {"web": [{"type": "startup", "name": "web check", "path": "/health", "attempts": 3}]},
             "unknown": 1}""";
    private static final String PROCFILE = "web: httpd -f -p $PORT\nworker: sleep 600\nrelease: echo migrate\n";

    @Inject
    ContainerRuntime runtime;

    @Test
    void anImageDryRunAnswersThePlanAndStartsNoContainer() throws Exception {
        try (TestImages images = new TestImages(runtime)) {
            String plain = images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY app.json Procfile /app/")
                    .file("app.json", APP_JSON)
                    .file("Procfile", PROCFILE));
            String entrypoint = images.build(BuildContext.from(
                            plain,
                            "COPY run-args " + TestImages.RUN_ARGS,
                            "ENTRYPOINT [\"" + TestImages.RUN_ARGS + "\"]")
                    .executable("run-args", TestImages.RUN_ARGS_SCRIPT));
            String app = newApp();
            json(Map.of("web", 2, "worker", 1)).put("/api/v1/apps/" + app + "/formation");
            Instant before = Instant.now();

            json(Map.of("image", plain, "dryRun", true))
                    .post("/api/v1/apps/" + app + "/deployments")
                    .then()
                    .statusCode(200)
                    .body("image", equalTo(plain))
                    .body("phases.phase", contains("BUILD", "PREDEPLOY", "RELEASE", "DEPLOY", "SETUP", "POSTDEPLOY"))
                    .body("phases.status", contains("SKIPPED", "PENDING", "PENDING", "PENDING", "SKIPPED", "SKIPPED"))
                    .body("phases[0].reason", equalTo("not part of an image deployment"))
                    .body("phases[1].containerCommand", contains("/bin/sh", "-c", "echo \"a b\" c"))
                    .body("phases[1].changes", equalTo("COMMIT"))
                    .body("phases[2].containerCommand", contains("/bin/sh", "-c", "echo migrate"))
                    .body("phases[5].reason", equalTo("no command in app.json scripts.dokku.postdeploy"))
                    .body("phases[4].reason", equalTo("no command in app.json scripts.postdeploy"))
                    .body("processes.type", contains("web", "worker"))
                    .body("processes.quantity", contains(2, 1))
                    .body("processes[0].containerCommand", contains("/bin/sh", "-c", "httpd -f -p $PORT"))
                    .body("healthchecks.web[0].name", equalTo("web check"))
                    .body("healthchecks.web[0].path", equalTo("/health"))
                    .body("env.defaults", contains("GREETING"))
                    .body("env.generated", contains("SESSION_SECRET"))
                    .body("env.missing", contains("API_KEY"))
                    .body(
                            "errors",
                            hasItem(equalTo("app.json env: required config variables without a value: API_KEY"
                                    + " (set them in the app's config)")))
                    .body("warnings", hasItem(containsString("unknown: ignored: Slipway does not use this key")));

            json(Map.of("image", entrypoint, "dryRun", true))
                    .post("/api/v1/apps/" + app + "/deployments")
                    .then()
                    .statusCode(200)
                    .body("phases[1].containerCommand", contains("echo", "a b", "c"))
                    .body("processes[1].containerCommand", contains("sleep", "600"));

            api().get("/api/v1/apps/" + app + "/deployments").then().body("", empty());
            api().get("/api/v1/apps/" + app + "/config").then().body(equalTo("{}"));
            assertThat(runtime.listContainers(Map.of(ContainerLabels.APP, app))).isEmpty();
            assertThat(containerEventsOnceCreated(plain, before)).doesNotContain("start");
            assertThat(containerEventsOnceCreated(entrypoint, before)).doesNotContain("start");
        }
    }

    @Test
    void aBuildContextDryRunReadsTheContextAndBuildsNothing() {
        String app = newApp();
        byte[] context = BuildContext.fromBaseImage("COPY app.json Procfile /app/")
                .file("app.json", APP_JSON)
                .file("Procfile", PROCFILE)
                .toTar();

        api().contentType("application/x-tar")
                .body(context)
                .post("/api/v1/apps/" + app + "/deployments?dryRun=true")
                .then()
                .statusCode(200)
                .body("image", nullValue())
                .body("phases.status", contains("PENDING", "PENDING", "PENDING", "PENDING", "SKIPPED", "SKIPPED"))
                .body("phases[1].command", equalTo("echo \"a b\" c"))
                .body("phases[1].containerCommand", nullValue())
                .body("processes.type", contains("web"))
                .body("processes[0].command", equalTo("httpd -f -p $PORT"))
                .body("warnings", hasItem(startsWith("the image is built when deploying")));

        api().get("/api/v1/apps/" + app + "/deployments").then().body("", empty());
        assertThat(runtime.listImages("slipway/" + app)).isEmpty();
    }

    @Test
    void aDryRunOfAHealthCheckWithAHostileSchemeIsRefusedAndBuildsNothing() {
        String app = newApp();
        byte[] context = BuildContext.fromBaseImage("COPY app.json Procfile /app/")
                .file(
                        "app.json",
                        "{\"healthchecks\": {\"web\": [{\"path\": \"/\", \"scheme\": \"http://127.0.0.1:2019/config/#\"}]}}")
                .file("Procfile", PROCFILE)
                .toTar();

        api().contentType("application/x-tar")
                .body(context)
                .post("/api/v1/apps/" + app + "/deployments?dryRun=true")
                .then()
                .statusCode(422)
                .body("errors[0].path", equalTo("healthchecks.web[0].scheme"));

        api().get("/api/v1/apps/" + app + "/deployments").then().body("", empty());
    }

    @Test
    void aDryRunOfAnAbsentImageIsRefused() {
        json(Map.of("image", "slipway-test/absent:1", "dryRun", true))
                .post("/api/v1/apps/" + newApp() + "/deployments")
                .then()
                .statusCode(422)
                .body("detail", equalTo("image: image not found: slipway-test/absent:1"));
    }

    /**
     * The engine's events of the image's containers since {@code since}, once they include the container the dry run
     * created to copy the manifests out: Podman writes its events after the fact, and a read right after the dry run
     * sometimes saw none yet (then "no start" would prove nothing). Asked again for up to 10 s.
     */
    private static List<String> containerEventsOnceCreated(String image, Instant since) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> actions = containerEvents(image, since);
        while (!actions.contains("create") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            actions = containerEvents(image, since);
        }
        assertThat(actions).as("the engine's events of the dry run's container").contains("create");
        return actions;
    }

    /** What the engine reports of the image's containers since {@code since}: create, start, ... */
    private static List<String> containerEvents(String image, Instant since) throws InterruptedException {
        List<String> actions = new ArrayList<>();
        try (DockerClient engine = DockerClientImpl.getInstance(
                DefaultDockerClientConfig.createDefaultConfigBuilder()
                        .withDockerHost("unix:///run/podman/podman.sock")
                        .build(),
                new ApacheDockerHttpClient.Builder()
                        .dockerHost(URI.create("unix:///run/podman/podman.sock"))
                        .build())) {
            ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Event event) {
                    if ("container".equals(String.valueOf(event.getType()).toLowerCase())
                            && event.getFrom() != null
                            && event.getFrom().endsWith(image)) {
                        actions.add(event.getStatus());
                    }
                }
            };
            engine.eventsCmd()
                    .withSince(Long.toString(since.getEpochSecond()))
                    .withUntil(Long.toString(Instant.now().getEpochSecond() + 1))
                    .exec(callback)
                    .awaitCompletion(30, TimeUnit.SECONDS);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return actions;
    }
}
