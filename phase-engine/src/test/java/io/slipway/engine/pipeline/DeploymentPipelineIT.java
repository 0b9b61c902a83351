package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentEvent.Finished;
import io.slipway.contract.DeploymentEvent.PhaseChanged;
import io.slipway.contract.DeploymentEvent.Retired;
import io.slipway.contract.DeploymentEvent.RetirementDue;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.LogStream;
import io.slipway.contract.PhaseName;
import io.slipway.contract.PhaseStatus;
import io.slipway.manifest.ManifestParser;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerState;
import io.slipway.runtime.ImageDetails;
import io.slipway.runtime.router.Router;
import io.slipway.runtime.router.RouterSettings;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.RouterRequests;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import io.slipway.runtime.testing.TestImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pipeline's rules, each proven on real engines: Docker and rootful Podman started by
 * {@code scripts/services}; what decides whether a web release may serve, on rootless Podman too.
 */
class DeploymentPipelineIT {

    private static final PipelineSettings SETTINGS =
            PipelineSettingsBuilder.forRealEngines().build();
    /** A web process that stays up, and proves at start that predeploy's change is in its image and release's is not. */
    private static final String PROCFILE = "release: touch /app/released && echo releasing\n"
            + "web: test -f /app/predeployed && test ! -f /app/released && exec httpd -f -p $PORT -h /app\n";

    private static final String APP_JSON = "{\"scripts\": {\"dokku\": {"
            + "\"predeploy\": \"touch /app/predeployed && echo predeploying\", \"postdeploy\": \"echo postdeploying\"}}}";
    /** The same, with Heroku's one-time setup task, which sees predeploy's change and leaves a file of its own. */
    private static final String APP_JSON_WITH_SETUP = "{\"scripts\": {\"dokku\": {"
            + "\"predeploy\": \"touch /app/predeployed && echo predeploying\", \"postdeploy\": \"echo postdeploying\"},"
            + " \"postdeploy\": \"test -f /app/predeployed && touch /app/set-up && echo setting-up\"}}";

    private static final Map<String, Engine> ENGINES = new HashMap<>();

    private final List<String> apps = new ArrayList<>();
    private final List<DeploymentEvent> events = new CopyOnWriteArrayList<>();

    /** One connection, one set of test images, per engine, for the whole class. */
    private record Engine(
            ContainerRuntime runtime, TestImages images, DeploymentPipeline pipeline, AppRemoval removal) {}

    static Stream<Arguments> engines() {
        return Stream.of("docker", "podman").map(name -> Arguments.of(TestEngines.named(name)));
    }

    @AfterAll
    static void closeEngines() {
        ENGINES.values().forEach(engine -> {
            engine.images().close();
            engine.runtime().close();
        });
        ENGINES.clear();
    }

    @AfterEach
    void noTaskContainerLeftAndAppsRemoved() {
        for (Engine engine : ENGINES.values()) {
            for (String app : apps) {
                assertThat(engine.runtime()
                                .listContainers(Map.of(ContainerLabels.APP, app, ContainerLabels.ROLE, "task")))
                        .as("task containers of %s", app)
                        .isEmpty();
                engine.removal().removeApp(app);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void predeployIsCommittedReleaseIsDiscardedAndTheImageStartsAsBefore(TestEngine testEngine) {
        Engine engine = engine(testEngine);
        String image = appImage(engine, APP_JSON, PROCFILE);
        String app = newApp();

        Finished finished = deploy(engine, imageOrder(app, image));

        assertThat(finished.status()).as(finished.reason()).isEqualTo(DeploymentStatus.SUCCEEDED);
        String release = finished.releaseImage();
        assertThat(release).isEqualTo(AppImages.release(app, finished.deploymentId()));
        assertThat(engine.runtime().readFiles(release, List.of("/app/predeployed", "/app/released")))
                .containsOnlyKeys("/app/predeployed");
        ImageDetails original = engine.runtime().inspectImage(image).orElseThrow();
        ImageDetails committed = engine.runtime().inspectImage(release).orElseThrow();
        assertThat(committed.cmd()).isEqualTo(original.cmd());
        assertThat(committed.entrypoint()).isEqualTo(original.entrypoint());
        assertThat(committed.workingDir()).isEqualTo(original.workingDir());
        assertThat(webContainers(engine, app)).singleElement().satisfies(web -> {
            assertThat(web.state()).isEqualTo(ContainerState.RUNNING);
            assertThat(web.labels()).containsEntry(ContainerLabels.DEPLOYMENT, finished.deploymentId());
        });
        assertThat(logLines(Phase.PREDEPLOY)).contains("predeploying");
        assertThat(logLines(Phase.RELEASE)).contains("releasing");
        assertThat(logLines(Phase.POSTDEPLOY)).contains("postdeploying");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theSetupTaskRunsBetweenDeployAndPostdeployIsDiscardedAndIsSkippedOnceMarkedRun(TestEngine testEngine) {
        Engine engine = engine(testEngine);
        String image = appImage(engine, APP_JSON_WITH_SETUP, PROCFILE);
        String app = newApp();

        Finished first = deploy(engine, imageOrder(app, image));

        assertThat(first.status()).as(first.reason()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(logLines(Phase.SETUP)).contains("setting-up");
        assertThat(phasesStarted(first.deploymentId()))
                .containsSubsequence(PhaseName.DEPLOY, PhaseName.SETUP, PhaseName.POSTDEPLOY);
        assertThat(engine.runtime().readFiles(first.releaseImage(), List.of("/app/predeployed", "/app/set-up")))
                .as("the setup task's changes are discarded")
                .containsOnlyKeys("/app/predeployed");

        DeploymentOrder marked = DeploymentOrders.anImageDeploy()
                .app(app)
                .image(image)
                .setupRan(true)
                .build();
        Finished second = deploy(engine, marked);

        assertThat(second.status()).as(second.reason()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(phaseStatuses(second.deploymentId(), PhaseName.SETUP))
                .contains(PhaseStatus.SKIPPED)
                .doesNotContain(PhaseStatus.RUNNING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void postdeployStartsOnlyAfterTheNewWebContainerRuns(TestEngine testEngine) {
        Engine engine = engine(testEngine);
        String app = newApp();
        List<ContainerState> webStatesWhenPostdeployStarted = new CopyOnWriteArrayList<>();
        DeploymentOrder order = imageOrder(app, appImage(engine, APP_JSON, PROCFILE));

        engine.pipeline()
                .run(
                        order,
                        event -> {
                            events.add(event);
                            if (event instanceof PhaseChanged change
                                    && change.phase() == PhaseName.POSTDEPLOY
                                    && change.status() == PhaseStatus.RUNNING) {
                                webContainers(engine, app)
                                        .forEach(web -> webStatesWhenPostdeployStarted.add(web.state()));
                            }
                        },
                        new Cancellation());

        assertThat(finished().status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(webStatesWhenPostdeployStarted).containsExactly(ContainerState.RUNNING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anEntrypointImageReceivesTheTaskCommandAsArgumentsAsIs(TestEngine testEngine) {
        Engine engine = engine(testEngine);
        String image = engine.images()
                .build(BuildContext.fromBaseImage(
                                "COPY args /bin/args",
                                "WORKDIR /app",
                                "COPY app.json /app/",
                                "ENTRYPOINT [\"/bin/args\"]",
                                "CMD [\"serve\"]")
                        .executable(
                                "args",
                                "#!/bin/sh\nfor arg in \"$@\"; do echo \"arg:$arg\"; done\n"
                                        + "[ \"$1\" = serve ] && exec httpd -f -p $PORT -h /\nexit 0\n")
                        .file("app.json", "{\"scripts\": {\"dokku\": {\"predeploy\": \"echo \\\"a b\\\" c\"}}}"));

        Finished finished = deploy(engine, imageOrder(newApp(), image));

        assertThat(finished.status()).as(finished.reason()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(logLines(Phase.PREDEPLOY)).containsExactly("arg:echo", "arg:a b", "arg:c");
        ImageDetails committed =
                engine.runtime().inspectImage(finished.releaseImage()).orElseThrow();
        assertThat(committed.entrypoint()).containsExactly("/bin/args");
        assertThat(committed.cmd()).containsExactly("serve");
    }

    static Stream<Arguments> failingPhases() {
        return engines()
                .flatMap(engine -> Stream.of(Phase.PREDEPLOY, Phase.RELEASE, Phase.POSTDEPLOY)
                        .map(phase -> Arguments.of(engine.get()[0], phase)));
    }

    @ParameterizedTest(name = "{0}: failing {1}")
    @MethodSource("failingPhases")
    void aFailingTaskLeavesThePreviousReleaseRunningAndCurrent(TestEngine testEngine, Phase failing) {
        Engine engine = engine(testEngine);
        String app = newApp();
        Finished first = deploy(engine, imageOrder(app, appImage(engine, APP_JSON, PROCFILE)));
        assertThat(first.status()).as(first.reason()).isEqualTo(DeploymentStatus.SUCCEEDED);
        PreviousRelease previous = PreviousRelease.of(engine.runtime(), app);

        String failingTask = failing == Phase.RELEASE ? PROCFILE.replace("echo releasing", "exit 7") : PROCFILE;
        String failingAppJson =
                failing == Phase.RELEASE ? APP_JSON : APP_JSON.replace("echo " + failing.id() + "ing", "exit 7");
        Finished second = deploy(engine, imageOrder(app, appImage(engine, failingAppJson, failingTask)));

        assertThat(second.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(second.reason()).isEqualTo(failing.id() + ": " + failing.id() + " exited with code 7");
        previous.assertOnlyItRemainsAfter(engine.runtime(), second.deploymentId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aTaskPastItsTimeoutIsKilledAndItsPhaseFails(TestEngine testEngine) {
        Engine engine = engine(testEngine);
        String image = appImage(engine, "{\"scripts\": {\"dokku\": {\"predeploy\": \"sleep 60\"}}}", PROCFILE);
        DeploymentOrder order = DeploymentOrders.anImageDeploy()
                .app(newApp())
                .image(image)
                .taskTimeout(Optional.of(Duration.ofSeconds(2)))
                .build();

        Finished finished = deploy(engine, order);

        assertThat(finished.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(finished.reason()).isEqualTo("predeploy: timeout");
        assertThat(phaseChange(Phase.PREDEPLOY, PhaseStatus.FAILED).reason()).isEqualTo("timeout");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aCancelledDeploymentStopsItsTaskAndEndsCancelled(TestEngine testEngine) {
        Engine engine = engine(testEngine);
        String image =
                appImage(engine, "{\"scripts\": {\"dokku\": {\"predeploy\": \"echo started && sleep 60\"}}}", PROCFILE);
        Cancellation cancellation = new Cancellation();

        engine.pipeline()
                .run(
                        imageOrder(newApp(), image),
                        event -> {
                            events.add(event);
                            if (event instanceof DeploymentEvent.Log log
                                    && log.line().equals("started")) {
                                cancellation.cancel();
                            }
                        },
                        cancellation);

        assertThat(finished().status()).isEqualTo(DeploymentStatus.CANCELLED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aBrokenAppJsonFailsWithItsPositionBeforeAnyTaskRuns(TestEngine testEngine) {
        Engine engine = engine(testEngine);
        String image = appImage(
                engine, "{\n  \"scripts\": {\"dokku\": {\"predeploy\": [\"not\", \"a string\"]}}\n}", PROCFILE);

        Finished finished = deploy(engine, imageOrder(newApp(), image));

        assertThat(finished.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(finished.reason())
                .startsWith("invalid manifest: app.json:2:")
                .contains("scripts.dokku.predeploy");
        assertThat(events)
                .noneMatch(event -> event instanceof PhaseChanged change && change.status() == PhaseStatus.RUNNING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void twoDeploymentsOfOneAppNeverOverlap(TestEngine testEngine) throws Exception {
        Engine engine = engine(testEngine);
        String app = newApp();
        String image = appImage(engine, APP_JSON, PROCFILE);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            AppLanes lanes = new AppLanes(executor);
            for (DeploymentOrder order : List.of(imageOrder(app, image), imageOrder(app, image))) {
                lanes.submit(
                        app,
                        order.deploymentId(),
                        cancellation -> engine.pipeline().run(order, events::add, cancellation));
            }
            await().atMost(Duration.ofMinutes(2))
                    .until(() ->
                            events.stream().filter(Finished.class::isInstance).count() == 2);
        } finally {
            executor.shutdownNow();
        }
        events.stream().filter(Finished.class::isInstance).forEach(end -> awaitRetirement(end.deploymentId()));

        List<String> startsAndEnds = events.stream()
                .filter(event -> event instanceof DeploymentEvent.Started || event instanceof Finished)
                .map(event -> event.getClass().getSimpleName() + " " + event.deploymentId())
                .toList();
        assertThat(startsAndEnds).hasSize(4);
        assertThat(startsAndEnds.get(0))
                .startsWith("Started")
                .isEqualTo(startsAndEnds.get(1).replace("Finished", "Started"));
        assertThat(startsAndEnds.get(2))
                .startsWith("Started")
                .isEqualTo(startsAndEnds.get(3).replace("Finished", "Started"));
        assertThat(webContainers(engine, app)).hasSize(1);
    }

    /**
     * A deployment ends once its release serves: its end comes while the previous release's container still runs,
     * the next deployment of the app starts without waiting for that retirement, and the retirement comes after the
     * wait-to-retire time, reported, with the container gone.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aDeploymentEndsBeforeThePreviousReleaseIsRetiredAndTheNextOneDoesNotWaitForIt(TestEngine testEngine) {
        Engine engine = engine(testEngine);
        ContainerRuntime runtime = engine.runtime();
        String app = newApp();
        String image = appImage(engine, APP_JSON, PROCFILE);
        Finished first = deploy(engine, imageOrder(app, image));
        assertThat(first.status()).as(first.reason()).isEqualTo(DeploymentStatus.SUCCEEDED);
        ContainerInfo firstWebInfo = webContainers(engine, app).get(0);
        String firstWeb = firstWebInfo.id();
        Map<String, ContainerState> firstWebAtEnd = new java.util.concurrent.ConcurrentHashMap<>();
        Consumer<DeploymentEvent> sink = event -> {
            events.add(event);
            if (event instanceof Finished) {
                firstWebAtEnd.put(
                        event.deploymentId(),
                        runtime.inspectContainer(firstWeb)
                                .map(ContainerInfo::state)
                                .orElse(ContainerState.EXITED));
            }
        };
        DeploymentPipeline waiting = new DeploymentPipeline(
                runtime,
                new ManifestParser(),
                PipelineSettingsBuilder.forRealEngines()
                        .waitToRetire(Duration.ofSeconds(5))
                        .build(),
                Clock.systemUTC());
        DeploymentOrder second = imageOrder(app, image);
        DeploymentOrder third = imageOrder(app, image);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            AppLanes lanes = new AppLanes(executor);
            for (DeploymentOrder order : List.of(second, third)) {
                lanes.submit(app, order.deploymentId(), cancellation -> waiting.run(order, sink, cancellation));
            }
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> events.stream()
                            .anyMatch(event -> event instanceof Retired
                                    && event.deploymentId().equals(third.deploymentId())));
        } finally {
            executor.shutdownNow();
            waiting.retirements().close();
        }

        assertThat(finishedOf(second).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(firstWebAtEnd).containsEntry(second.deploymentId(), ContainerState.RUNNING);
        List<String> order = events.stream()
                .filter(event -> event.deploymentId().equals(second.deploymentId()) && event instanceof Retired
                        || event.deploymentId().equals(third.deploymentId())
                                && event instanceof DeploymentEvent.Started)
                .map(event -> event.getClass().getSimpleName() + " " + event.deploymentId())
                .toList();
        assertThat(order)
                .as("the next deployment started before the retirement")
                .containsExactly("Started " + third.deploymentId(), "Retired " + second.deploymentId());
        assertThat(systemLines(Phase.POSTDEPLOY, second.deploymentId()))
                .contains("retired " + firstWebInfo.name() + " of the previous release");
        assertThat(runtime.inspectContainer(firstWeb)).isEmpty();
        assertThat(webContainers(engine, app))
                .singleElement()
                .satisfies(web ->
                        assertThat(web.labels()).containsEntry(ContainerLabels.DEPLOYMENT, third.deploymentId()));
    }

    // --- traffic: web processes prove themselves before they serve

    static Stream<Arguments> allEngines() {
        return Stream.of("docker", "podman", "podman-rootless").map(name -> Arguments.of(TestEngines.named(name)));
    }

    /**
     * One app through four deployments: a web serving its release id; a crash-looping web (up most of
     * the time, restarted by the engine); a wrong healthcheck {@code content}; a passing healthcheck. The
     * refused ones leave the previous release serving at its address.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allEngines")
    void onlyAWebReleaseThatProvesItselfReplacesTheServingOne(TestEngine testEngine) throws Exception {
        Engine engine = engine(testEngine);
        String app = newApp();

        Finished first = deploy(engine, imageOrder(app, webImage(engine, "{}", SERVE_RELEASE)));
        assertThat(first.status()).as(first.reason()).isEqualTo(DeploymentStatus.SUCCEEDED);
        String firstAddress = webAddress(engine, app);
        assertThat(firstAddress).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(get(firstAddress)).isEqualTo("release " + first.deploymentId());

        Finished crashing = deploy(
                engine,
                imageOrder(app, webImage(engine, "{}", "httpd -p $PORT -h / && sleep 1 && echo crashing && exit 3")));
        assertThat(crashing.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(crashing.reason()).startsWith("deploy: web.1 ").containsAnyOf("restarted", "exited");
        assertThat(systemLines(Phase.DEPLOY, crashing.deploymentId())).contains("web.1 | crashing");
        assertThat(get(firstAddress)).isEqualTo("release " + first.deploymentId());

        Finished wrongContent = deploy(
                engine,
                imageOrder(
                        app,
                        webImage(
                                engine,
                                "{\"healthchecks\": {\"web\": [{\"name\": \"release-page\", \"path\": \"/\","
                                        + " \"content\": \"no such text\", \"attempts\": 2, \"wait\": 1}]}}",
                                SERVE_RELEASE)));
        assertThat(wrongContent.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(wrongContent.reason())
                .startsWith("deploy: health check 'release-page' failed on web.1 after 2 attempts: HTTP 200 release ");
        assertThat(systemLines(Phase.DEPLOY, wrongContent.deploymentId()))
                .filteredOn(line -> line.startsWith("check 'release-page'"))
                .hasSize(2);
        assertThat(get(firstAddress)).isEqualTo("release " + first.deploymentId());

        Finished passing = deploy(
                engine,
                imageOrder(
                        app,
                        webImage(
                                engine,
                                "{\"healthchecks\": {\"web\": [{\"name\": \"release-page\", \"path\": \"/\","
                                        + " \"content\": \"release\"}]}}",
                                SERVE_RELEASE)));
        assertThat(passing.status()).as(passing.reason()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(get(webAddress(engine, app))).isEqualTo("release " + passing.deploymentId());
        assertThat(webContainers(engine, app))
                .singleElement()
                .satisfies(web ->
                        assertThat(web.labels()).containsEntry(ContainerLabels.DEPLOYMENT, passing.deploymentId()));
    }

    /**
     * Through Caddy: requests sent all along (about 20 a second, on loopback, with the app's host name)
     * across a successful redeploy, a deploy whose POSTDEPLOY fails, and a rollback all succeed, and a
     * release answers only after its checks passed.
     */
    @Test
    void requestsThroughTheRouterNeverFailAcrossARedeployAFailedDeployAndARollback() throws Exception {
        Engine engine = engine(TestEngines.named("docker"));
        RouterSettings routing = new RouterSettings(
                RouterSettings.CADDY, URI.create(TestEngines.endpoint("caddy.admin")), "localhost", ROUTER_LISTEN);
        Router router = routing.connect();
        DeploymentPipeline pipeline = new DeploymentPipeline(
                engine.runtime(),
                new ManifestParser(),
                SETTINGS,
                Clock.systemUTC(),
                new Traffic(router, new LoopbackProbe(engine.runtime(), SETTINGS.port())));
        String app = newApp();
        Map<String, Long> checksPassedAt = new java.util.concurrent.ConcurrentHashMap<>();
        Consumer<DeploymentEvent> sink = event -> {
            events.add(event);
            if (event instanceof DeploymentEvent.Log log
                    && log.line().startsWith("check 'port listening'")
                    && log.line().contains(": passed")) {
                checksPassedAt.put(log.deploymentId(), System.nanoTime());
            }
        };
        String image = webImage(engine, "{}", SERVE_RELEASE);
        DeploymentOrder firstOrder = imageOrder(app, image);
        assertThat(pipeline.run(firstOrder, sink, new Cancellation())).isEqualTo(DeploymentStatus.SUCCEEDED);
        String first = firstOrder.deploymentId();
        String host = routing.host(app);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(RouterRequests.get(ROUTER_PORT, host))
                        .extracting(RouterRequests.Answer::status, RouterRequests.Answer::body)
                        .containsExactly(200, "release " + first));

        List<RouterRequests.Answer> answers;
        DeploymentOrder second = imageOrder(app, image);
        DeploymentOrder failing = imageOrder(
                app, webImage(engine, "{\"scripts\": {\"dokku\": {\"postdeploy\": \"exit 1\"}}}", SERVE_RELEASE));
        DeploymentOrder rollback = DeploymentOrders.aRollbackTo(
                        image, new DeploymentOrder.ManifestFiles("{}", "web: " + SERVE_RELEASE + "\n"))
                .app(app)
                .build();
        try (RouterRequests requests = RouterRequests.start(ROUTER_PORT, host)) {
            assertThat(pipeline.run(second, sink, new Cancellation())).isEqualTo(DeploymentStatus.SUCCEEDED);
            assertThat(pipeline.run(failing, sink, new Cancellation())).isEqualTo(DeploymentStatus.FAILED);
            assertThat(pipeline.run(rollback, sink, new Cancellation())).isEqualTo(DeploymentStatus.SUCCEEDED);
            // The rollback ended as its release served; requests go on across the retirement of what it replaced.
            awaitRetirement(rollback.deploymentId());
            answers = requests.stop();
        } finally {
            router.route(app, List.of());
        }

        assertThat(answers).hasSizeGreaterThan(20);
        assertThat(answers)
                .allSatisfy(
                        answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(200));
        for (DeploymentOrder order : List.of(second, failing, rollback)) {
            String release = "release " + order.deploymentId();
            assertThat(answers)
                    .filteredOn(answer -> answer.body().equals(release))
                    .as(
                            "answers of %s among %s (first %s, then %s, %s, %s)",
                            release,
                            answers.stream()
                                    .map(RouterRequests.Answer::body)
                                    .distinct()
                                    .toList(),
                            first,
                            second.deploymentId(),
                            failing.deploymentId(),
                            rollback.deploymentId())
                    .isNotEmpty()
                    .allSatisfy(answer ->
                            assertThat(answer.sentAt()).isGreaterThan(checksPassedAt.get(order.deploymentId())));
        }
        assertThat(answers.get(answers.size() - 1).body()).isEqualTo("release " + rollback.deploymentId());
        assertThat(finishedOf(failing).reason()).isEqualTo("postdeploy: postdeploy exited with code 1");
    }

    private static final int ROUTER_PORT = 18090;
    private static final String ROUTER_LISTEN = "127.0.0.1:" + ROUTER_PORT;

    private Finished finishedOf(DeploymentOrder order) {
        return events.stream()
                .filter(Finished.class::isInstance)
                .map(Finished.class::cast)
                .filter(finished -> finished.deploymentId().equals(order.deploymentId()))
                .findFirst()
                .orElseThrow();
    }

    /** A web process serving "release <deployment id>" on PORT. */
    private static final String SERVE_RELEASE =
            "mkdir -p /www && echo release $SLIPWAY_DEPLOYMENT_ID > /www/index.html && exec httpd -f -p $PORT -h /www";

    private static String webImage(Engine engine, String appJson, String web) {
        return appImage(engine, appJson, "web: " + web + "\n");
    }

    private static String webAddress(Engine engine, String app) {
        return webContainers(engine, app).get(0).address().orElseThrow();
    }

    private static String get(String address) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://" + address + "/"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.body().strip();
    }

    private List<String> systemLines(Phase phase, String deploymentId) {
        return events.stream()
                .filter(DeploymentEvent.Log.class::isInstance)
                .map(DeploymentEvent.Log.class::cast)
                .filter(log -> log.phase() == phase.reported()
                        && log.stream() == LogStream.SYSTEM
                        && log.deploymentId().equals(deploymentId))
                .map(DeploymentEvent.Log::line)
                .toList();
    }

    private Engine engine(TestEngine testEngine) {
        return ENGINES.computeIfAbsent(testEngine.name(), name -> {
            ContainerRuntime runtime = testEngine.connect();
            return new Engine(
                    runtime,
                    new TestImages(runtime),
                    new DeploymentPipeline(runtime, new ManifestParser(), SETTINGS, Clock.systemUTC()),
                    new AppRemoval(runtime, SETTINGS.stopGrace()));
        });
    }

    /** An image whose /app holds the given manifests, on top of the base image. */
    private static String appImage(Engine engine, String appJson, String procfile) {
        return engine.images()
                .build(BuildContext.fromBaseImage(
                                "WORKDIR /app", "COPY app.json Procfile /app/", "CMD [\"sleep\", \"300\"]")
                        .file("app.json", appJson)
                        .file("Procfile", procfile));
    }

    private String newApp() {
        String app = "it-" + UUID.randomUUID().toString().substring(0, 8);
        apps.add(app);
        return app;
    }

    /** Runs {@code order} to its end, and waits for the retirement of what it replaced, if any. */
    private Finished deploy(Engine engine, DeploymentOrder order) {
        engine.pipeline().run(order, events::add, new Cancellation());
        awaitRetirement(order.deploymentId());
        return finishedOf(order);
    }

    /** A deployment that replaced running containers reports their retirement after its end: waits for it. */
    private void awaitRetirement(String deploymentId) {
        if (events.stream()
                .anyMatch(event ->
                        event instanceof RetirementDue && event.deploymentId().equals(deploymentId))) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> events.stream()
                            .anyMatch(event -> event instanceof Retired
                                    && event.deploymentId().equals(deploymentId)));
        }
    }

    private static DeploymentOrder imageOrder(String app, String image) {
        return DeploymentOrders.anImageDeploy().app(app).image(image).build();
    }

    private static List<ContainerInfo> webContainers(Engine engine, String app) {
        return engine.runtime().listContainers(ContainerLabels.processesOf(app));
    }

    private List<String> logLines(Phase phase) {
        return events.stream()
                .filter(DeploymentEvent.Log.class::isInstance)
                .map(DeploymentEvent.Log.class::cast)
                .filter(log -> log.phase() == phase.reported() && log.stream() == LogStream.STDOUT)
                .map(DeploymentEvent.Log::line)
                .toList();
    }

    /** The phases of one deployment in the order they started running. */
    private List<PhaseName> phasesStarted(String deploymentId) {
        return events.stream()
                .filter(PhaseChanged.class::isInstance)
                .map(PhaseChanged.class::cast)
                .filter(change -> change.deploymentId().equals(deploymentId) && change.status() == PhaseStatus.RUNNING)
                .map(PhaseChanged::phase)
                .toList();
    }

    private List<PhaseStatus> phaseStatuses(String deploymentId, PhaseName phase) {
        return events.stream()
                .filter(PhaseChanged.class::isInstance)
                .map(PhaseChanged.class::cast)
                .filter(change -> change.deploymentId().equals(deploymentId) && change.phase() == phase)
                .map(PhaseChanged::status)
                .toList();
    }

    private PhaseChanged phaseChange(Phase phase, PhaseStatus status) {
        return events.stream()
                .filter(PhaseChanged.class::isInstance)
                .map(PhaseChanged.class::cast)
                .filter(change -> change.phase() == phase.reported() && change.status() == status)
                .findFirst()
                .orElseThrow();
    }

    private Finished finished() {
        return (Finished) events.stream()
                .filter(Finished.class::isInstance)
                .reduce((first, second) -> second)
                .orElseThrow();
    }
}
