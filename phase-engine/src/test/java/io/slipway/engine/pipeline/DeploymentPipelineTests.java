package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentEvent.Finished;
import io.slipway.contract.DeploymentEvent.PhaseChanged;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.LogStream;
import io.slipway.contract.PhaseStatus;
import io.slipway.manifest.ManifestParser;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerState;
import io.slipway.runtime.ProcessSpec;
import io.slipway.runtime.TaskOutcome;
import io.slipway.runtime.TaskResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's decisions, against a recording runtime. */
class DeploymentPipelineTests {

    private static final String APP = "shop";
    private static final String ID = "11111111-2222-3333-4444-555555555555";
    private static final String IMAGE = "shop:1";
    private static final String RELEASE_IMAGE = "slipway/shop:release-" + ID;
    private static final String ALL_TASKS_APP_JSON =
            "{\"scripts\": {\"dokku\": {\"predeploy\": \"touch /app/predeployed\", \"postdeploy\": \"echo after\"}}}";
    private static final String PROCFILE = "release: echo releasing\nweb: httpd -f -p $PORT\n";

    private final RecordingRuntime runtime = new RecordingRuntime().withImage(IMAGE, List.of(), List.of("/bin/sh"));
    private final List<DeploymentEvent> events = new ArrayList<>();
    private final PipelineSettings settings =
            PipelineSettingsBuilder.forRecordingRuntime().build();
    private final RecordingRouter router = new RecordingRouter(runtime);
    private final ScriptedProbe probe = new ScriptedProbe();
    private final DeploymentPipeline pipeline = new DeploymentPipeline(
            runtime,
            new ManifestParser(),
            settings,
            Clock.systemUTC(),
            new Traffic(router, probe),
            SetupMarks.FROM_ORDER,
            RecordedPipelines.retiringAtOnce(runtime));

    @Test
    void runsThePhasesInOrderCommittingOnlyPredeployAndRetiresTheOldReleaseLast() {
        withManifests(ALL_TASKS_APP_JSON, PROCFILE);
        runtime.withRunningProcess(APP, "old-deployment", "old-1");

        DeploymentStatus status = deploy(imageOrder());

        assertThat(status).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(runtime.operations())
                .containsExactly(
                        "task predeploy on " + IMAGE,
                        "commit " + RELEASE_IMAGE,
                        "task release on " + RELEASE_IMAGE,
                        "start slipway-shop-web-1-11111111",
                        "route shop to [127.0.0.1:49001]",
                        "task postdeploy on " + RELEASE_IMAGE,
                        "tag " + RELEASE_IMAGE + " as slipway/shop:current",
                        "stop old-1",
                        "remove old-1");
        assertThat(phaseSequence())
                .containsExactly(
                        "build SKIPPED",
                        "predeploy RUNNING",
                        "predeploy SUCCEEDED",
                        "release RUNNING",
                        "release SUCCEEDED",
                        "deploy RUNNING",
                        "deploy SUCCEEDED",
                        "setup SKIPPED",
                        "postdeploy RUNNING",
                        "postdeploy SUCCEEDED");
        assertThat(finished().releaseImage()).isEqualTo(RELEASE_IMAGE);
    }

    @Test
    void anOldContainerThatCannotBeRetiredIsReportedButTheNewReleaseStaysCurrent() {
        withManifests(ALL_TASKS_APP_JSON, PROCFILE);
        runtime.withRunningProcess(APP, "old-deployment", "old-1");
        runtime.unstoppable = "old-1";

        DeploymentStatus status = deploy(imageOrder());

        assertThat(status).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(runtime.containers).containsKey("new-1");
        assertThat(runtime.operations()).contains("tag " + RELEASE_IMAGE + " as slipway/shop:current");
        assertThat(events.get(events.size() - 1)).isInstanceOf(DeploymentEvent.Retired.class);
        assertThat(systemLines(Phase.POSTDEPLOY))
                .endsWith("could not retire old-old-1 of the previous release: container old-1 cannot be stopped");
    }

    @Test
    void withoutPredeployTheImageItselfIsTheReleaseImageAndNothingIsCommitted() {
        withManifests(null, PROCFILE);

        deploy(imageOrder());

        assertThat(runtime.operations()).noneMatch(operation -> operation.startsWith("commit"));
        assertThat(phase(Phase.PREDEPLOY).reason()).isEqualTo("no command in app.json scripts.dokku.predeploy");
        assertThat(phase(Phase.PREDEPLOY).status()).isEqualTo(PhaseStatus.SKIPPED);
        assertThat(finished().releaseImage()).isEqualTo(IMAGE);
    }

    @Test
    void aFailingReleaseLeavesThePreviousReleaseRunningAndRemovesWhatItMade() {
        withManifests(ALL_TASKS_APP_JSON, PROCFILE);
        runtime.withRunningProcess(APP, "old-deployment", "old-1");
        runtime.taskBehaviour = task ->
                new TaskResult(TaskOutcome.EXITED, phaseOf(task.labels()).equals("release") ? 3 : 0);

        DeploymentStatus status = deploy(imageOrder());

        assertThat(status).isEqualTo(DeploymentStatus.FAILED);
        assertThat(finished().reason()).isEqualTo("release: release exited with code 3");
        assertThat(phase(Phase.RELEASE).exitCode()).isEqualTo(3);
        assertThat(runtime.operations())
                .contains("remove-image " + RELEASE_IMAGE)
                .noneMatch(operation ->
                        operation.startsWith("start") || operation.startsWith("tag") || operation.contains("old-1"));
        assertThat(runtime.containers).containsKey("old-1");
        assertThat(phaseSequence()).endsWith("release FAILED", "deploy SKIPPED", "setup SKIPPED", "postdeploy SKIPPED");
    }

    @Test
    void aFailingPostdeployRemovesTheNewContainersAndKeepsTheOldOnes() {
        withManifests(ALL_TASKS_APP_JSON, PROCFILE);
        runtime.withRunningProcess(APP, "old-deployment", "old-1");
        runtime.taskBehaviour = task ->
                new TaskResult(TaskOutcome.EXITED, phaseOf(task.labels()).equals("postdeploy") ? 1 : 0);

        deploy(imageOrder());

        assertThat(finished().status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(runtime.operations()).contains("remove new-1").doesNotContain("stop old-1", "remove old-1");
        assertThat(runtime.containers.keySet()).containsExactly("old-1");
    }

    @Test
    void aFailingPostdeploySwitchesTrafficBackBeforeTheNewContainersGo() {
        withManifests(ALL_TASKS_APP_JSON, PROCFILE);
        runtime.withRunningProcess(APP, "old-deployment", "old-1");
        router.routes.put(APP, List.of("127.0.0.1:40000"));
        runtime.taskBehaviour = task ->
                new TaskResult(TaskOutcome.EXITED, phaseOf(task.labels()).equals("postdeploy") ? 1 : 0);

        deploy(imageOrder());

        assertThat(runtime.operations())
                .containsSubsequence(
                        "route shop to [127.0.0.1:49001]",
                        "task postdeploy on " + RELEASE_IMAGE,
                        "route shop to [127.0.0.1:40000]",
                        "remove new-1");
        assertThat(router.routes).containsEntry(APP, List.of("127.0.0.1:40000"));
    }

    @Test
    void aProcessTheEngineRestartedFailsDeployWithItsLastLinesAndGetsNoTraffic() {
        withManifests(null, PROCFILE);
        runtime.withRunningProcess(APP, "old-deployment", "old-1");
        runtime.startedProcessRestarts = 2;
        runtime.processLog = List.of("listening", "panic: no database");

        deploy(imageOrder());

        assertThat(finished().status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(finished().reason()).isEqualTo("deploy: web.1 restarted 2 times (last exit code 3)");
        assertThat(systemLines(Phase.DEPLOY)).contains("web.1 | listening", "web.1 | panic: no database");
        assertThat(runtime.operations()).noneMatch(operation -> operation.startsWith("route"));
        assertThat(runtime.containers.keySet()).containsExactly("old-1");
    }

    @Test
    void aProcessTheEngineRestartsAfterItsCheckPassedStillGetsNoTraffic() {
        withManifests(null, PROCFILE);
        runtime.withRunningProcess(APP, "old-deployment", "old-1");
        probe.onAttempt = () -> runtime.containers.computeIfPresent(
                "new-1",
                (id, running) -> new ContainerInfo(
                        id,
                        running.name(),
                        running.image(),
                        ContainerState.RUNNING,
                        137,
                        running.labels(),
                        1,
                        true,
                        running.address()));

        deploy(imageOrder());

        assertThat(probe.attempted).hasSize(1);
        assertThat(finished().reason()).isEqualTo("deploy: web.1 restarted 1 time (last exit code 137)");
        assertThat(runtime.operations()).noneMatch(operation -> operation.startsWith("route"));
        assertThat(runtime.containers.keySet()).containsExactly("old-1");
    }

    @Test
    void withoutHealthchecksTheWebPortMustAcceptAConnection() {
        withManifests(null, PROCFILE);
        probe.answering(
                HealthProbe.Attempt.failed("connection closed at once"), HealthProbe.Attempt.passed("connected"));

        deploy(imageOrder());

        assertThat(finished().status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(probe.attempted)
                .containsExactly(
                        "port listening LISTENING new-1 127.0.0.1:49001",
                        "port listening LISTENING new-1 127.0.0.1:49001");
        assertThat(systemLines(Phase.DEPLOY))
                .anyMatch(line -> line.contains("attempt 1/8: failed (connection closed at once)"))
                .anyMatch(line -> line.contains("attempt 2/8: passed (connected)"));
    }

    @Test
    void aFailedHealthcheckFailsDeployWithItsNameAndLastResponse() {
        withManifests(
                "{\"healthchecks\": {\"web\": [{\"name\": \"home\", \"path\": \"/\", \"content\": \"v2\","
                        + " \"attempts\": 2, \"wait\": 0}]}}",
                PROCFILE);
        runtime.withRunningProcess(APP, "old-deployment", "old-1");
        probe.answering(
                HealthProbe.Attempt.failed("HTTP 200 v1 (without \"v2\")"),
                HealthProbe.Attempt.failed("HTTP 200 v1 (without \"v2\")"));

        deploy(imageOrder());

        assertThat(finished().reason())
                .isEqualTo(
                        "deploy: health check 'home' failed on web.1 after 2 attempts: HTTP 200 v1 (without \"v2\")");
        assertThat(probe.attempted)
                .containsExactly("home HTTP new-1 127.0.0.1:49001", "home HTTP new-1 127.0.0.1:49001");
        assertThat(systemLines(Phase.DEPLOY))
                .filteredOn(line -> line.startsWith("check 'home'"))
                .hasSize(2);
        assertThat(runtime.operations()).noneMatch(operation -> operation.startsWith("route"));
        assertThat(runtime.containers.keySet()).containsExactly("old-1");
    }

    @Test
    void anHttpCheckThatNothingAnsweredIsAttemptedAgainOnceThePortListensNotAWaitLater() {
        withManifests("{\"healthchecks\": {\"web\": [{\"name\": \"home\", \"path\": \"/\", \"wait\": 2}]}}", PROCFILE);
        probe.answering(
                HealthProbe.Attempt.unanswered("no answer: Connection refused"),
                HealthProbe.Attempt.failed("connection closed at once"),
                HealthProbe.Attempt.passed("connected"),
                HealthProbe.Attempt.passed("HTTP 200 hello"));

        deploy(imageOrder());

        assertThat(finished().status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(probe.attempted)
                .containsExactly(
                        "home HTTP new-1 127.0.0.1:49001",
                        "port listening LISTENING new-1 127.0.0.1:49001",
                        "port listening LISTENING new-1 127.0.0.1:49001",
                        "home HTTP new-1 127.0.0.1:49001");
        assertThat(systemLines(Phase.DEPLOY))
                .contains("web.1 listens now: attempting again before the wait is over")
                .anyMatch(line -> line.contains("attempt 2/") && line.endsWith("passed (HTTP 200 hello)"));
    }

    @Test
    void anHttpCheckThatGotAnAnswerOrWasCutShortOnceWaitsItsWholeWait() {
        withManifests(
                "{\"healthchecks\": {\"web\": [{\"name\": \"home\", \"path\": \"/\", \"wait\": 1,"
                        + " \"attempts\": 4}]}}",
                PROCFILE);
        probe.answering(
                HealthProbe.Attempt.failed("HTTP 500 starting"),
                HealthProbe.Attempt.unanswered("no answer: Connection reset"),
                HealthProbe.Attempt.passed("connected"),
                HealthProbe.Attempt.unanswered("no answer: Connection reset"),
                HealthProbe.Attempt.passed("HTTP 200 hello"));

        deploy(imageOrder());

        assertThat(finished().status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(probe.attempted)
                .containsExactly(
                        "home HTTP new-1 127.0.0.1:49001",
                        "home HTTP new-1 127.0.0.1:49001",
                        "port listening LISTENING new-1 127.0.0.1:49001",
                        "home HTTP new-1 127.0.0.1:49001",
                        "home HTTP new-1 127.0.0.1:49001");
    }

    @Test
    void aPassingHealthcheckReplacesTheDefaultCheckAndTheSwitchFollows() {
        withManifests(
                "{\"healthchecks\": {\"web\": [{\"name\": \"ready\", \"command\": [\"test\", \"-f\", \"/ready\"]}]}}",
                PROCFILE);

        deploy(imageOrder());

        assertThat(finished().status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(probe.attempted).containsExactly("ready COMMAND new-1 127.0.0.1:49001");
        assertThat(router.routes).containsEntry(APP, List.of("127.0.0.1:49001"));
    }

    @Test
    void aTimedOutTaskFailsItsPhaseWithReasonTimeout() {
        withManifests(ALL_TASKS_APP_JSON, PROCFILE);
        runtime.taskBehaviour = task -> new TaskResult(TaskOutcome.TIMED_OUT, 137);

        deploy(imageOrder());

        assertThat(phase(Phase.PREDEPLOY).status()).isEqualTo(PhaseStatus.FAILED);
        assertThat(phase(Phase.PREDEPLOY).reason()).isEqualTo("timeout");
        assertThat(finished().reason()).isEqualTo("predeploy: timeout");
    }

    @Test
    void aCancelledTaskEndsTheDeploymentCancelled() {
        withManifests(ALL_TASKS_APP_JSON, PROCFILE);
        runtime.taskBehaviour = task -> new TaskResult(TaskOutcome.CANCELLED, 137);

        assertThat(deploy(imageOrder())).isEqualTo(DeploymentStatus.CANCELLED);
        assertThat(finished().status()).isEqualTo(DeploymentStatus.CANCELLED);
    }

    @Test
    void aDeploymentCancelledBeforeItsFirstPhaseRunsNothing() {
        withManifests(ALL_TASKS_APP_JSON, PROCFILE);
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        DeploymentStatus status = pipeline.run(imageOrder(), events::add, cancellation);

        assertThat(status).isEqualTo(DeploymentStatus.CANCELLED);
        assertThat(runtime.tasks).isEmpty();
    }

    @Test
    void aCancelWhileProcessesStartStopsStartingThemAndRemovesThoseStarted() {
        withManifests(ALL_TASKS_APP_JSON, PROCFILE);
        Cancellation cancellation = new Cancellation();
        runtime.onStartProcess = cancellation::cancel;

        DeploymentStatus status =
                pipeline.run(shopImage().formation(Map.of("web", 5)).build(), events::add, cancellation);

        assertThat(status).isEqualTo(DeploymentStatus.CANCELLED);
        assertThat(runtime.processes).hasSize(1);
        assertThat(runtime.containers.values())
                .noneMatch(container -> container.labels().containsValue("process"));
    }

    @Test
    void aBrokenAppJsonFailsAtOnceWithItsPosition() {
        withManifests("{\"scripts\": {\"dokku\": {\"predeploy\": 42}}}", PROCFILE);

        deploy(imageOrder());

        assertThat(finished().status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(finished().reason())
                .startsWith("invalid manifest: app.json:1:")
                .contains("scripts.dokku.predeploy");
        assertThat(runtime.tasks).isEmpty();
        assertThat(runtime.processes).isEmpty();
    }

    @Test
    void aCronMistakeFailsTheDeploymentBeforeItsFirstPhaseWithItsPath() {
        withManifests(
                ALL_TASKS_APP_JSON.replace(
                        "}}}", "}}, \"cron\": [{\"command\": \"x\", \"schedule\": \"0 * * * * *\"}]}"),
                PROCFILE);

        deploy(imageOrder());

        assertThat(finished().status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(finished().reason())
                .startsWith("invalid manifest: app.json:1:")
                .contains("cron[0].schedule", "seconds are not supported");
        assertThat(phaseSequence()).doesNotContain("predeploy RUNNING");
        assertThat(runtime.tasks).isEmpty();
        assertThat(runtime.processes).isEmpty();
    }

    @Test
    void tasksGetTheAppConfigAndTheirPhaseAndProcessesGetPortAndPs() {
        withManifests(ALL_TASKS_APP_JSON, PROCFILE);

        deploy(shopImage().config(Map.of("DATABASE_URL", "postgres://secret")).build());

        assertThat(runtime.tasks.get(0).env())
                .containsEntry("DATABASE_URL", "postgres://secret")
                .containsEntry("SLIPWAY_APP", APP)
                .containsEntry("SLIPWAY_DEPLOYMENT_ID", ID)
                .containsEntry("SLIPWAY_PHASE", "predeploy");
        assertThat(runtime.tasks.get(0).cmd()).containsExactly("/bin/sh", "-c", "touch /app/predeployed");
        assertThat(runtime.tasks.get(0).labels())
                .containsEntry("io.slipway.role", "task")
                .containsEntry("io.slipway.phase", "predeploy");
        assertThat(runtime.processes.get(0).env())
                .containsEntry("PORT", "5000")
                .containsEntry("PS", "web")
                .containsEntry("DATABASE_URL", "postgres://secret");
        assertThat(runtime.processes.get(0).labels()).containsEntry("io.slipway.role", "process");
        assertThat(events).noneMatch(event -> event.toString().contains("postgres://secret"));
    }

    @Test
    void anEntrypointImageReceivesTheTaskWordsAsArguments() {
        runtime.withImage(IMAGE, List.of("/usr/local/bin/entry"), List.of());
        withManifests("{\"scripts\": {\"dokku\": {\"predeploy\": \"echo \\\"a b\\\" c\"}}}", "web: serve\n");

        deploy(imageOrder());

        assertThat(runtime.tasks.get(0).cmd()).containsExactly("echo", "a b", "c");
        assertThat(runtime.processes.get(0).cmd()).containsExactly("serve");
    }

    @Test
    void withoutAProcfileWebRunsTheImagesOwnCommand() {
        withManifests(null, null);

        deploy(imageOrder());

        assertThat(runtime.processes).hasSize(1);
        assertThat(runtime.processes.get(0).cmd()).isEmpty();
    }

    @Test
    void anImageWithNothingToRunFailsDeploy() {
        runtime.withImage(IMAGE, List.of(), List.of());
        withManifests(null, null);

        deploy(imageOrder());

        assertThat(phase(Phase.DEPLOY).status()).isEqualTo(PhaseStatus.FAILED);
        assertThat(phase(Phase.DEPLOY).reason()).contains("nothing to run");
    }

    @Test
    void aProcessThatExitsAfterStartFailsDeployAndIsRemoved() {
        withManifests(null, PROCFILE);
        runtime.startedProcessState = ContainerState.EXITED;

        deploy(imageOrder());

        assertThat(phase(Phase.DEPLOY).reason()).contains("exited with code 3");
        assertThat(runtime.containers).isEmpty();
    }

    @Test
    void aRollbackSkipsPredeployAndRunsTheRest() {
        runtime.withImage(RELEASE_IMAGE, List.of(), List.of("/bin/sh"));
        DeploymentOrder rollback = DeploymentOrders.aRollbackTo(
                        RELEASE_IMAGE, new DeploymentOrder.ManifestFiles(ALL_TASKS_APP_JSON, PROCFILE))
                .deploymentId(ID)
                .app(APP)
                .build();

        deploy(rollback);

        assertThat(phase(Phase.PREDEPLOY).status()).isEqualTo(PhaseStatus.SKIPPED);
        assertThat(runtime.operations()).first().isEqualTo("task release on " + RELEASE_IMAGE);
    }

    @Test
    void aBuildContextIsReadForManifestsBeforeItIsBuilt(@TempDir Path dir) throws IOException {
        Path context = dir.resolve("context.tar");
        Files.write(context, tar(Map.of("Dockerfile", "FROM base\n", "app.json", "{,", "Procfile", PROCFILE)));
        DeploymentOrder order =
                DeploymentOrders.aBuildOf(context).deploymentId(ID).app(APP).build();

        deploy(order);

        assertThat(finished().reason()).startsWith("invalid manifest: app.json:1:");
        assertThat(runtime.operations()).isEmpty();
    }

    @Test
    void aBuildContextIsBuiltAndItsImageDeployed(@TempDir Path dir) throws IOException {
        Path context = dir.resolve("context.tar");
        Files.write(context, tar(Map.of("Dockerfile", "FROM base\n", "Procfile", PROCFILE)));
        DeploymentOrder order =
                DeploymentOrders.aBuildOf(context).deploymentId(ID).app(APP).build();

        deploy(order);

        String built = "slipway/shop:build-" + ID;
        assertThat(runtime.operations()).startsWith("build " + built, "task release on " + built);
        assertThat(events)
                .filteredOn(DeploymentEvent.ManifestsResolved.class::isInstance)
                .singleElement()
                .extracting(event -> ((DeploymentEvent.ManifestsResolved) event).image())
                .isEqualTo(built);
        assertThat(finished().status()).isEqualTo(DeploymentStatus.SUCCEEDED);
    }

    @Test
    void eventsAreNumberedWithoutGaps() {
        withManifests(ALL_TASKS_APP_JSON, PROCFILE);

        deploy(imageOrder());

        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).seq()).isEqualTo(i + 1);
        }
        assertThat(events.get(0)).isInstanceOf(DeploymentEvent.Started.class);
        assertThat(events.get(events.size() - 1)).isInstanceOf(Finished.class);
    }

    @Test
    void overriddenManifestPathsAreReadRelativeToTheWorkingDirectoryOrAsGiven() {
        runtime.withFile(IMAGE, "/app/deploy/app.json", ALL_TASKS_APP_JSON);
        runtime.withFile(IMAGE, "/etc/Procfile", PROCFILE);
        DeploymentOrder order = shopImage()
                .appJsonPath(Optional.of("deploy/app.json"))
                .procfilePath(Optional.of("/etc/Procfile"))
                .build();

        deploy(order);

        assertThat(runtime.operations())
                .startsWith(
                        "task predeploy on " + IMAGE, "commit " + RELEASE_IMAGE, "task release on " + RELEASE_IMAGE);
    }

    @Test
    void scalingReleaseAboveZeroFailsDeployWithAClearReason() {
        withManifests(null, PROCFILE);
        DeploymentOrder order = shopImage().formation(Map.of("release", 1)).build();

        deploy(order);

        assertThat(phase(Phase.DEPLOY).reason())
                .isEqualTo("release is the release task, not a process type: it cannot be scaled");
        assertThat(runtime.processes).isEmpty();
    }

    @Test
    void theRequestedFormationScalesProcessTypesFromTheProcfile() {
        withManifests(null, PROCFILE + "worker: run-queue\n");
        DeploymentOrder order =
                shopImage().formation(Map.of("web", 2, "worker", 1)).build();

        deploy(order);

        assertThat(runtime.processes)
                .extracting(process -> process.env().get("PS"))
                .containsExactly("web", "web", "worker");
        assertThat(runtime.processes).extracting(ProcessSpec::name).doesNotHaveDuplicates();
    }

    @Test
    void processTypesThatDifferOnlyInCaseGetContainersOfTheirOwn() {
        withManifests(null, "web: serve\nWeb: serve-too\n");
        DeploymentOrder order = shopImage().formation(Map.of("Web", 1)).build();

        deploy(order);

        assertThat(runtime.processes)
                .extracting(ProcessSpec::name)
                .containsExactly("slipway-shop-web-1-11111111", "slipway-shop-Web-1-11111111");
    }

    private DeploymentStatus deploy(DeploymentOrder order) {
        return pipeline.run(order, events::add, new Cancellation());
    }

    private void withManifests(String appJson, String procfile) {
        if (appJson != null) {
            runtime.withFile(IMAGE, "/app/app.json", appJson);
        }
        if (procfile != null) {
            runtime.withFile(IMAGE, "/app/Procfile", procfile);
        }
    }

    /** A deployment of {@code shop:1} as the app {@code shop}. */
    private static DeploymentOrder.Builder shopImage() {
        return DeploymentOrders.anImageDeploy().deploymentId(ID).app(APP).image(IMAGE);
    }

    private static DeploymentOrder imageOrder() {
        return shopImage().build();
    }

    private static String phaseOf(Map<String, String> labels) {
        return labels.get(ContainerLabels.PHASE);
    }

    private List<String> phaseSequence() {
        return events.stream()
                .filter(PhaseChanged.class::isInstance)
                .map(PhaseChanged.class::cast)
                .map(change -> change.phase().id() + " " + change.status())
                .toList();
    }

    private PhaseChanged phase(Phase phase) {
        return events.stream()
                .filter(PhaseChanged.class::isInstance)
                .map(PhaseChanged.class::cast)
                .filter(change -> change.phase() == phase.reported())
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private List<String> systemLines(Phase phase) {
        return events.stream()
                .filter(DeploymentEvent.Log.class::isInstance)
                .map(DeploymentEvent.Log.class::cast)
                .filter(log -> log.phase() == phase.reported() && log.stream() == LogStream.SYSTEM)
                .map(DeploymentEvent.Log::line)
                .toList();
    }

    private Finished finished() {
        return events.stream()
                .filter(Finished.class::isInstance)
                .map(Finished.class::cast)
                .findFirst()
                .orElseThrow();
    }

    private static byte[] tar(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
