package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentEvent.Finished;
import io.slipway.contract.DeploymentEvent.Retired;
import io.slipway.contract.DeploymentEvent.RetirementDue;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentStatus;
import io.slipway.manifest.ManifestParser;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerState;
import io.slipway.runtime.ImageDetails;
import io.slipway.runtime.router.Router;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import io.slipway.runtime.testing.TestImages;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A process dies around the release switch of a deployment; recovery then makes what is recorded
 * match what runs. The death is real for the engine: the pipeline's thread stops at that call and
 * nothing of its own clean-up runs.
 */
class InterruptedDeploymentRecoveryIT {

    private static final PipelineSettings SETTINGS =
            PipelineSettingsBuilder.forRealEngines().build();
    private static final String APP_JSON = "{\"scripts\": {\"dokku\": {\"predeploy\": \"touch /app/predeployed\"}}}";
    private static final String PROCFILE = "web: exec httpd -f -p $PORT -h /\n";

    private final List<Runnable> cleanups = new ArrayList<>();
    private final List<DeploymentEvent> events = new CopyOnWriteArrayList<>();

    /** Thrown where the process "dies": an Error, so that no catch of the pipeline's undoes anything. */
    private static final class Died extends Error {}

    static Stream<TestEngine> engines() {
        return Stream.of("docker", "podman").map(TestEngines::named);
    }

    private ContainerRuntime runtime;
    private TestImages images;

    @AfterEach
    void cleanUp() {
        cleanups.forEach(Runnable::run);
        images.close();
        runtime.close();
    }

    private void connect(TestEngine testEngine) {
        runtime = testEngine.connect();
        images = new TestImages(runtime);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aDeploymentWhoseSwitchHappenedSucceedsAndThePreviousReleaseIsRetired(TestEngine testEngine) {
        connect(testEngine);
        String app = newApp(runtime);
        String image = appImage(images);
        String previousContainer = deployedRelease(runtime, app, image);
        DeploymentOrder second = order(app, image);

        dieAt(runtime, second, true);

        Optional<String> currentId =
                runtime.inspectImage(AppImages.current(app)).map(ImageDetails::id);
        assertThat(currentId)
                .as("the switch happened before the death")
                .isEqualTo(runtime.inspectImage(AppImages.release(app, second.deploymentId()))
                        .map(ImageDetails::id));

        InterruptedDeploymentRecovery.Outcome outcome =
                new InterruptedDeploymentRecovery(runtime, Duration.ofSeconds(1)).recover(app, second.deploymentId());

        assertThat(outcome.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(outcome.releaseImage()).isEqualTo(AppImages.release(app, second.deploymentId()));
        assertThat(outcome.problems()).isEmpty();
        List<ContainerInfo> running = runtime.listContainers(ContainerLabels.processesOf(app));
        assertThat(running).singleElement().satisfies(web -> {
            assertThat(web.labels()).containsEntry(ContainerLabels.DEPLOYMENT, second.deploymentId());
            assertThat(web.state()).isEqualTo(ContainerState.RUNNING);
        });
        assertThat(runtime.inspectContainer(previousContainer)).isEmpty();
    }

    /**
     * The process dies after a deployment's end, before the retirement of what it replaced was due: after the restart,
     * asked again with what the end named (the gateway's {@code Retire}), the retirement is done and reported.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aRetirementDueBeforeARestartIsDoneAfterIt(TestEngine testEngine) {
        connect(testEngine);
        String app = newApp(runtime);
        String image = appImage(images);
        String previousContainer = deployedRelease(runtime, app, image);
        String previousName =
                runtime.inspectContainer(previousContainer).orElseThrow().name();
        DeploymentPipeline diesAfterTheEnd = new DeploymentPipeline(
                runtime,
                new ManifestParser(),
                SETTINGS,
                Clock.systemUTC(),
                new Traffic(Router.none(), new LoopbackProbe(runtime, SETTINGS.port())),
                SetupMarks.FROM_ORDER,
                new Retirements(runtime, SETTINGS.stopGrace(), Clock.systemUTC(), (delay, never) -> {}));
        DeploymentOrder second = order(app, image);

        assertThat(diesAfterTheEnd.run(second, events::add, new Cancellation())).isEqualTo(DeploymentStatus.SUCCEEDED);

        RetirementDue due = events.stream()
                .filter(event ->
                        event instanceof RetirementDue && event.deploymentId().equals(second.deploymentId()))
                .map(RetirementDue.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(due.containers()).containsExactly(previousContainer);
        assertThat(runtime.inspectContainer(previousContainer).orElseThrow().state())
                .isEqualTo(ContainerState.RUNNING);
        List<DeploymentEvent> afterRestart = new CopyOnWriteArrayList<>();
        try (Retirements restarted = Retirements.onTheirOwnThread(runtime, SETTINGS.stopGrace(), Clock.systemUTC())) {
            restarted.schedule(
                    new Retirement(app, second.deploymentId(), due.containers(), due.due()),
                    diesAfterTheEnd.recorderAfter(second.deploymentId(), app, due.seq() + 1, afterRestart::add));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> afterRestart.stream().anyMatch(Retired.class::isInstance));
        }

        assertThat(afterRestart)
                .extracting(event -> event instanceof DeploymentEvent.Log log
                        ? log.line()
                        : event.getClass().getSimpleName())
                .containsExactly("retired " + previousName + " of the previous release", "Retired");
        assertThat(runtime.inspectContainer(previousContainer)).isEmpty();
        assertThat(runtime.listContainers(ContainerLabels.processesOf(app)))
                .singleElement()
                .satisfies(web ->
                        assertThat(web.labels()).containsEntry(ContainerLabels.DEPLOYMENT, second.deploymentId()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aDeploymentThatDiedBeforeItsSwitchFailsAndLeavesThePreviousReleaseRunning(TestEngine testEngine) {
        connect(testEngine);
        String app = newApp(runtime);
        String image = appImage(images);
        deployedRelease(runtime, app, image);
        PreviousRelease previous = PreviousRelease.of(runtime, app);
        DeploymentOrder second = order(app, image);

        dieAt(runtime, second, false);

        assertThat(runtime.listContainers(ContainerLabels.processesOf(app)))
                .as("the new release's containers run beside the old one")
                .hasSize(2);

        InterruptedDeploymentRecovery.Outcome outcome =
                new InterruptedDeploymentRecovery(runtime, Duration.ofSeconds(1)).recover(app, second.deploymentId());

        assertThat(outcome.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(outcome.reason()).isEqualTo(InterruptedDeploymentRecovery.INTERRUPTED);
        assertThat(outcome.releaseImage()).isNull();
        previous.assertOnlyItRemainsAfter(runtime, second.deploymentId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void cleaningUpALostDeploymentBeforeItsSwitchRemovesWhatItStartedAndNothingOfOthers(TestEngine testEngine) {
        connect(testEngine);
        String app = newApp(runtime);
        String image = appImage(images);
        deployedRelease(runtime, app, image);
        PreviousRelease previous = PreviousRelease.of(runtime, app);
        DeploymentOrder lost = order(app, image);
        dieAt(runtime, lost, false);
        assertThat(runtime.listContainers(ContainerLabels.processesOf(app))).hasSize(2);

        List<String> problems =
                new InterruptedDeploymentRecovery(runtime, Duration.ofSeconds(1)).cleanUp(app, lost.deploymentId());

        assertThat(problems).isEmpty();
        previous.assertOnlyItRemainsAfter(runtime, lost.deploymentId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void cleaningUpALostDeploymentAfterItsSwitchKeepsTheContainersThatRunTheCurrentRelease(TestEngine testEngine) {
        connect(testEngine);
        String app = newApp(runtime);
        String image = appImage(images);
        String previousContainer = deployedRelease(runtime, app, image);
        DeploymentOrder lost = order(app, image);
        dieAt(runtime, lost, true);

        List<String> problems =
                new InterruptedDeploymentRecovery(runtime, Duration.ofSeconds(1)).cleanUp(app, lost.deploymentId());

        assertThat(problems).isEmpty();
        assertThat(runtime.listContainers(ContainerLabels.processesOf(app)))
                .as("its web runs the current release; the previous one is another deployment's, left alone")
                .extracting(ContainerInfo::id)
                .hasSize(2)
                .contains(previousContainer);
        assertThat(runtime.inspectImage(AppImages.release(app, lost.deploymentId())))
                .as("its release image is current")
                .isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void removingTheAppRemovesEveryImageMadeForItAndNothingElse(TestEngine testEngine) {
        connect(testEngine);
        String app = newApp(runtime);
        String image = appImage(images);
        deployedRelease(runtime, app, image);
        DeploymentOrder interrupted = order(app, image);
        dieAt(runtime, interrupted, false);
        assertThat(runtime.inspectImage(AppImages.release(app, interrupted.deploymentId())))
                .as("the release image an interrupted deployment left")
                .isPresent();

        List<String> problems = new AppRemoval(runtime, SETTINGS.stopGrace()).removeApp(app);

        assertThat(problems).isEmpty();
        assertThat(runtime.listImages(AppImages.repository(app))).isEmpty();
        assertThat(runtime.listContainers(ContainerLabels.allOf(app))).isEmpty();
        assertThat(runtime.inspectImage(image))
                .as("the image the user deployed")
                .isPresent();
    }

    /** Runs {@code order} until the switch, and lets the process die just after it or just before it. */
    private void dieAt(ContainerRuntime runtime, DeploymentOrder order, boolean afterTheSwitch) {
        String current = AppImages.current(order.app());
        ContainerRuntime dying = (ContainerRuntime) Proxy.newProxyInstance(
                ContainerRuntime.class.getClassLoader(),
                new Class<?>[] {ContainerRuntime.class},
                (proxy, method, args) -> {
                    boolean theSwitch = method.getName().equals("tagImage") && current.equals(args[1]);
                    if (theSwitch && !afterTheSwitch) {
                        throw new Died();
                    }
                    Object result;
                    try {
                        result = method.invoke(runtime, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (theSwitch) {
                        throw new Died();
                    }
                    return result;
                });
        DeploymentPipeline pipeline = new DeploymentPipeline(dying, new ManifestParser(), SETTINGS, Clock.systemUTC());
        assertThatThrownBy(() -> pipeline.run(order, events::add, new Cancellation()))
                .isInstanceOf(Died.class);
        assertThat(events)
                .noneMatch(event -> event instanceof Finished finished
                        && finished.deploymentId().equals(order.deploymentId()));
    }

    /** A first deployment that succeeds; returns its web container's id. */
    private String deployedRelease(ContainerRuntime runtime, String app, String image) {
        DeploymentPipeline pipeline =
                new DeploymentPipeline(runtime, new ManifestParser(), SETTINGS, Clock.systemUTC());
        DeploymentOrder order = order(app, image);
        assertThat(pipeline.run(order, events::add, new Cancellation()))
                .as(() -> "the first deployment's end: "
                        + events.stream()
                                .filter(event -> event instanceof Finished finished
                                        && finished.deploymentId().equals(order.deploymentId()))
                                .map(event -> ((Finished) event).reason())
                                .findFirst()
                                .orElse("none"))
                .isEqualTo(DeploymentStatus.SUCCEEDED);
        return runtime.listContainers(ContainerLabels.processesOf(app)).get(0).id();
    }

    private String newApp(ContainerRuntime runtime) {
        String app = "recover-" + UUID.randomUUID().toString().substring(0, 8);
        cleanups.add(() -> new AppRemoval(runtime, SETTINGS.stopGrace()).removeApp(app));
        return app;
    }

    private static String appImage(TestImages images) {
        return images.build(BuildContext.fromBaseImage("WORKDIR /app", "COPY app.json Procfile /app/")
                .file("app.json", APP_JSON)
                .file("Procfile", PROCFILE));
    }

    private static DeploymentOrder order(String app, String image) {
        return DeploymentOrders.anImageDeploy().app(app).image(image).build();
    }
}
