package io.slipway.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.slipway.runtime.testing.BuildContext;
import io.slipway.runtime.testing.LoopbackTrap;
import io.slipway.runtime.testing.RecordingOutput;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import io.slipway.runtime.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@link ContainerRuntime} contract, run against each real engine by a subclass
 * ({@link DockerRuntimeIT}, {@link PodmanRuntimeIT}, {@link RootlessPodmanRuntimeIT}); failsafe runs
 * the three side by side, each one's tests in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerRuntimeContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration QUICK = Duration.ofSeconds(15);
    private static final String RUN_LABEL = "io.slipway.test-run";

    private final TestEngine engine;

    private ContainerRuntime runtime;
    private TestImages images;
    /** Built once per engine: an Entrypoint that runs its arguments, and every setting a commit keeps. */
    private String appImage;

    private String appImageId;
    private final String buildMarker = UUID.randomUUID().toString();
    private final RecordingOutput appImageBuild = new RecordingOutput();

    private String run;
    private Map<String, String> runLabels;
    private RecordingOutput output;
    private final List<String> networks = new ArrayList<>();

    /** @param engineName as {@link TestEngines#named} knows it */
    ContainerRuntimeContract(String engineName) {
        this.engine = TestEngines.named(engineName);
    }

    @BeforeAll
    void connect() {
        runtime = engine.connect();
        images = new TestImages(runtime);
        appImage = images.track(TestImages.uniqueReference("app"));
        appImageId =
                runtime.buildImage(new ByteArrayInputStream(appImageContext().toTar()), appImage, appImageBuild);
    }

    private BuildContext appImageContext() {
        return BuildContext.fromBaseImage(
                        "COPY run-args " + TestImages.RUN_ARGS,
                        "WORKDIR /app",
                        "COPY Procfile app.json /app/",
                        "RUN echo built-" + buildMarker,
                        "ENV MODE=production",
                        "EXPOSE 5000",
                        "USER 0",
                        "ENTRYPOINT [\"" + TestImages.RUN_ARGS + "\"]",
                        "CMD [\"sh\", \"-c\", \"echo serving\"]")
                .executable("run-args", TestImages.RUN_ARGS_SCRIPT)
                .file("Procfile", "web: sleep 60\n")
                .file("app.json", "{}");
    }

    @AfterAll
    void disconnect() {
        try {
            images.close();
        } finally {
            runtime.close();
        }
    }

    @BeforeEach
    void newRun() {
        run = UUID.randomUUID().toString();
        runLabels = Map.of(RUN_LABEL, run);
        output = new RecordingOutput();
    }

    /** Every container a test makes carries its run label: none may outlive the test. */
    @AfterEach
    void noContainerLeftBehind() {
        List<ContainerInfo> left = runtime.listContainers(runLabels);
        left.forEach(container -> runtime.removeContainer(container.id()));
        networks.forEach(runtime::removeNetwork);
        networks.clear();
        assertThat(left).as("containers left behind").isEmpty();
    }

    // --- the engine

    @Test
    void identifiesTheEngineFromWhatItAnswers() {
        EngineInfo info = runtime.engine();

        assertThat(info.kind()).isEqualTo(engine.name().equals("docker") ? EngineKind.DOCKER : EngineKind.PODMAN);
        assertThat(info.rootless()).isEqualTo(engine.name().equals("podman-rootless"));
        assertThat(info.endpoint()).isEqualTo(engine.endpoint().toString());
        assertThat(runtime.ping()).isEqualTo(info);
    }

    // --- images

    @Test
    void inspectsTheBaseImageByTheNameItWasImportedAs() {
        ImageDetails base = runtime.inspectImage(TestEngines.baseImage()).orElseThrow();

        assertThat(base.id()).startsWith("sha256:");
        assertThat(base.entrypoint()).isEmpty();
        assertThat(base.cmd()).containsExactly("/bin/sh");
        assertThat(base.workingDir()).isEmpty();
        assertThat(base.user()).isEmpty();
        assertThat(base.exposedPorts()).isEmpty();
        assertThat(base.env()).anyMatch(variable -> variable.startsWith("PATH="));
    }

    @Test
    void anAbsentImageInspectsAsEmpty() {
        assertThat(runtime.inspectImage("slipway-test/absent:" + run)).isEmpty();
    }

    @Test
    void buildsFromATarContextStreamingTheBuildersOutput() {
        assertThat(appImageBuild.lines(OutputChannel.STDOUT)).contains("built-" + buildMarker);
        ImageDetails built = runtime.inspectImage(appImage).orElseThrow();
        assertThat(built.id()).isEqualTo(appImageId).startsWith("sha256:");
        assertThat(built.entrypoint()).containsExactly(TestImages.RUN_ARGS);
        assertThat(built.cmd()).containsExactly("sh", "-c", "echo serving");
        assertThat(built.workingDir()).isEqualTo("/app");
        assertThat(built.user()).isEqualTo("0");
        assertThat(built.env()).contains("MODE=production");
        assertThat(built.exposedPorts()).containsExactly("5000/tcp");
    }

    @Test
    void buildsFromAGzippedContext() {
        String tag = images.track(TestImages.uniqueReference("gzip"));

        runtime.buildImage(
                new ByteArrayInputStream(
                        BuildContext.fromBaseImage("CMD [\"true\"]").toGzip()),
                tag,
                output);

        assertThat(runtime.inspectImage(tag))
                .hasValueSatisfying(image -> assertThat(image.cmd()).containsExactly("true"));
    }

    @Test
    void aFailingBuildReportsTheBuildersError() {
        String tag = images.track(TestImages.uniqueReference("broken"));
        BuildContext broken = BuildContext.fromBaseImage("RUN echo before-failing && exit 3");

        assertThatThrownBy(() -> runtime.buildImage(new ByteArrayInputStream(broken.toTar()), tag, output))
                .isInstanceOf(ImageBuildException.class)
                .message()
                .isNotBlank()
                .doesNotContain("Status ", "{\"");
        assertThat(output.lines(OutputChannel.STDOUT)).contains("before-failing");
        assertThat(output.lines(OutputChannel.STDERR)).isNotEmpty();
        assertThat(runtime.inspectImage(tag)).isEmpty();
    }

    @Test
    void aTruncatedContextFailsTheBuild() {
        byte[] gzip = BuildContext.fromBaseImage("RUN echo never").toGzip();
        byte[] truncated = java.util.Arrays.copyOf(gzip, gzip.length - 20);

        assertThatThrownBy(() -> runtime.buildImage(
                        new ByteArrayInputStream(truncated),
                        images.track(TestImages.uniqueReference("truncated")),
                        output))
                .isInstanceOf(ImageBuildException.class);
    }

    @Test
    void aContextThatIsNoTarIsRefusedSayingWhatTheEngineRefused() {
        byte[] noTar = "this is not a tar archive, only text".repeat(40).getBytes(UTF_8);

        assertThatThrownBy(() -> runtime.buildImage(
                        new ByteArrayInputStream(noTar), images.track(TestImages.uniqueReference("notar")), output))
                .isInstanceOf(ImageBuildException.class)
                .message()
                .startsWith("the engine refused the build context: ")
                .doesNotContain("Status 500");
    }

    @Test
    void aCancelledBuildIsBrokenOffWithoutWaitingForItsStep() throws Exception {
        String tag = images.track(TestImages.uniqueReference("cancelled"));
        BuildContext slow = BuildContext.fromBaseImage("RUN echo build-step-started && sleep 60");
        Cancellation cancellation = new Cancellation();
        CompletableFuture<Void> started = new CompletableFuture<>();

        CompletableFuture<String> build = CompletableFuture.supplyAsync(() -> runtime.buildImage(
                new ByteArrayInputStream(slow.toTar()),
                tag,
                (stream, line) -> {
                    if (line.strip().equals("build-step-started")) {
                        started.complete(null);
                    }
                },
                cancellation));
        started.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        cancellation.cancel();

        // Well within the step's 60 s: the build ends because it was broken off, not because the step ended.
        assertThatThrownBy(() -> build.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(ContainerRuntimeException.class)
                .cause()
                .hasMessageContaining("cancelled");
        assertThat(runtime.inspectImage(tag)).isEmpty();
    }

    @Test
    void tagsAndRemovesImages() {
        String base = TestEngines.baseImage();
        String reference = images.track(TestImages.uniqueReference("tag"));

        runtime.tagImage(base, reference);
        assertThat(runtime.inspectImage(reference).orElseThrow().id())
                .isEqualTo(runtime.inspectImage(base).orElseThrow().id());

        runtime.removeImage(reference);
        assertThat(runtime.inspectImage(reference)).isEmpty();
        assertThat(runtime.inspectImage(base)).isPresent();
        runtime.removeImage(reference);
    }

    @Test
    void listsEveryTagOfARepositoryAsGiven() {
        String base = TestEngines.baseImage();
        String repository = "slipway-test/list-" + run;
        String first = images.track(repository + ":one");
        String second = images.track(repository + ":two");
        runtime.tagImage(base, first);
        runtime.tagImage(base, second);
        runtime.tagImage(base, repository + "-other:one");
        images.track(repository + "-other:one");

        assertThat(runtime.listImages(repository)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void taggingAnAbsentImageFailsAsNotFound() {
        assertThatThrownBy(() -> runtime.tagImage("slipway-test/absent:" + run, TestImages.uniqueReference("tag")))
                .isInstanceOf(ImageNotFoundException.class);
    }

    @Test
    void importsARootFilesystemAndReadsItsFilesWithoutRunningIt() {
        String reference = images.track(TestImages.uniqueReference("import"));
        BuildContext rootFilesystem = BuildContext.empty().file("etc/greeting", "hello " + run + "\n");

        engine.importRootFilesystem(rootFilesystem, reference);

        ImageDetails imported = runtime.inspectImage(reference).orElseThrow();
        assertThat(imported.id()).startsWith("sha256:");
        assertThat(imported.entrypoint()).isEmpty();
        assertThat(imported.cmd()).isEmpty();
        // Nothing in this image could run: the file is read from a container that never starts.
        assertThat(readFile(reference, "/etc/greeting"))
                .hasValueSatisfying(
                        bytes -> assertThat(new String(bytes, UTF_8)).isEqualTo("hello " + run + "\n"));
    }

    @Test
    void readsFilesOutOfAnImageInOneGoOnlyWhereTheyAreRegularFiles() {
        Map<String, byte[]> files = runtime.readFiles(appImage, List.of("/app/Procfile", "/app/absent.json", "/app"));

        assertThat(files).containsOnlyKeys("/app/Procfile");
        assertThat(new String(files.get("/app/Procfile"), UTF_8)).isEqualTo("web: sleep 60\n");
    }

    // --- tasks

    @Test
    void keepsStdoutAndStderrApartAndInOrder() {
        TaskResult result = runtime.runTask(
                task(List.of("sh", "-c", "echo out-1; echo err-1 >&2; echo out-2; echo err-2 >&2; printf out-3")),
                output,
                Cancellation.none());

        assertThat(result).isEqualTo(new TaskResult(TaskOutcome.EXITED, 0));
        assertThat(result.succeeded()).isTrue();
        assertThat(output.lines(OutputChannel.STDOUT)).containsExactly("out-1", "out-2", "out-3");
        assertThat(output.lines(OutputChannel.STDERR)).containsExactly("err-1", "err-2");
    }

    @Test
    void deliversEveryLineOfALongOutputOnceAndInOrder() {
        TaskResult result = runtime.runTask(task(List.of("seq", "1", "200000")), output, Cancellation.none());

        assertThat(result.succeeded()).isTrue();
        assertNumberedFromOne(output.lines(OutputChannel.STDOUT), 200_000);
    }

    @Test
    void deliversEveryLineOfInterleavedStreamsOnceAndInOrder() {
        String bothStreams = "awk 'BEGIN { for (i = 1; i <= 100000; i++) { print i; print i > \"/dev/stderr\" } }'";

        TaskResult result = runtime.runTask(task(List.of("sh", "-c", bothStreams)), output, Cancellation.none());

        assertThat(result.succeeded()).isTrue();
        assertNumberedFromOne(output.lines(OutputChannel.STDOUT), 100_000);
        assertNumberedFromOne(output.lines(OutputChannel.STDERR), 100_000);
    }

    @Test
    void aSlowListenerStillGetsEveryLineLongAfterTheTaskExited() {
        int count = 10_000;
        // About 3 ms a line, 30 s in all: the reading goes on long after the container exited (the
        // engines buffer a megabyte of output), past any fixed deadline for the last output.
        OutputListener slow = (stream, line) -> {
            output.onLine(stream, line);
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        TaskResult result =
                runtime.runTask(task(List.of("seq", "1", Integer.toString(count))), slow, Cancellation.none());

        assertThat(result.succeeded()).isTrue();
        assertNumberedFromOne(output.lines(OutputChannel.STDOUT), count);
    }

    @Test
    void deliversOutputWhileTheTaskRuns() {
        CompletableFuture<TaskResult> result = CompletableFuture.supplyAsync(() -> runtime.runTask(
                task(List.of("sh", "-c", "echo early; sleep 2; echo late")), output, Cancellation.none()));

        await().atMost(QUICK).until(() -> output.printed("early"));
        assertThat(result).isNotDone();
        assertThat(output.printed("late")).isFalse();

        assertThat(result.join().succeeded()).isTrue();
        assertThat(output.all()).containsExactly("early", "late");
    }

    @Test
    void passesTheCommandToTheImagesEntrypoint() {
        String echoArgs = images.echoArgs();

        runtime.runTask(task(echoArgs, List.of("two words", "'quoted'", "$HOME")), output, Cancellation.none());

        assertThat(output.lines(OutputChannel.STDOUT)).containsExactly("two words", "'quoted'", "$HOME");
    }

    @Test
    void reportsTheExitCodeAndCommitsNothingOnFailure() {
        String reference = images.track(TestImages.uniqueReference("never"));

        TaskResult result = runtime.runTask(
                task(TestEngines.baseImage(), List.of("sh", "-c", "exit 3"), Map.of(), Optional.of(reference)),
                output,
                Cancellation.none());

        assertThat(result).isEqualTo(new TaskResult(TaskOutcome.EXITED, 3));
        assertThat(result.succeeded()).isFalse();
        assertThat(runtime.inspectImage(reference)).isEmpty();
    }

    @Test
    void givesTasksTheirEnvironmentAndLabels() {
        Map<String, String> labels = new HashMap<>(runLabels);
        labels.put("io.slipway.role", "task");
        TaskSpec task = new TaskSpec(
                TestEngines.baseImage(),
                List.of("sh", "-c", "echo \"$GREETING\"; echo started; sleep 30"),
                Map.of("GREETING", "hello, world"),
                labels,
                TIMEOUT,
                Optional.empty());
        Cancellation cancellation = new Cancellation();
        CompletableFuture<TaskResult> result =
                CompletableFuture.supplyAsync(() -> runtime.runTask(task, output, cancellation));

        await().atMost(QUICK).until(() -> output.printed("started"));
        // The engine may note the start a moment after the process printed its first lines.
        await().atMost(QUICK)
                .untilAsserted(() -> assertThat(runtime.listContainers(runLabels))
                        .singleElement()
                        .satisfies(container -> {
                            assertThat(container.state()).isEqualTo(ContainerState.RUNNING);
                            assertThat(container.labels()).containsAllEntriesOf(labels);
                        }));
        cancellation.cancel();

        assertThat(result.join().outcome()).isEqualTo(TaskOutcome.CANCELLED);
        assertThat(output.lines(OutputChannel.STDOUT)).startsWith("hello, world");
    }

    @Test
    void killsATaskPastItsTimeout() {
        long started = System.nanoTime();

        TaskResult result = runtime.runTask(
                new TaskSpec(
                        TestEngines.baseImage(),
                        List.of("sleep", "60"),
                        Map.of(),
                        runLabels,
                        Duration.ofSeconds(1),
                        Optional.empty()),
                output,
                Cancellation.none());

        assertThat(result.outcome()).isEqualTo(TaskOutcome.TIMED_OUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICK);
    }

    @Test
    void killsACancelledTask() {
        Cancellation cancellation = new Cancellation();
        long started = System.nanoTime();
        CompletableFuture<TaskResult> result = CompletableFuture.supplyAsync(
                () -> runtime.runTask(task(List.of("sh", "-c", "echo started; sleep 60")), output, cancellation));

        await().atMost(QUICK).until(() -> output.printed("started"));
        cancellation.cancel();

        assertThat(result.join().outcome()).isEqualTo(TaskOutcome.CANCELLED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICK);
    }

    @Test
    void anInterruptedTaskIsKilledAndItsThreadStaysInterrupted() throws InterruptedException {
        AtomicReference<TaskResult> result = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            result.set(
                    runtime.runTask(task(List.of("sh", "-c", "echo started; sleep 60")), output, Cancellation.none()));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        worker.start();

        await().atMost(QUICK).until(() -> output.printed("started"));
        worker.interrupt();
        worker.join(QUICK.toMillis());

        assertThat(worker.isAlive()).isFalse();
        assertThat(result.get().outcome()).isEqualTo(TaskOutcome.CANCELLED);
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void aTaskCancelledBeforeItStartsNeverRuns() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        TaskResult result = runtime.runTask(task(List.of("echo", "ran")), output, cancellation);

        assertThat(result.outcome()).isEqualTo(TaskOutcome.CANCELLED);
        assertThat(output.all()).isEmpty();
    }

    @Test
    void aTaskOnAnAbsentImageFailsAsNotFound() {
        assertThatThrownBy(() -> runtime.runTask(
                        task("slipway-test/absent:" + run, List.of("true")), output, Cancellation.none()))
                .isInstanceOf(ImageNotFoundException.class)
                .hasMessageContaining("slipway-test/absent:" + run);
    }

    @Test
    void aCommandTheEngineCannotStartFailsWithTheEnginesMessage() {
        assertThatThrownBy(() -> runtime.runTask(task(List.of("/no/such/program")), output, Cancellation.none()))
                .isInstanceOf(ContainerRuntimeException.class)
                .message()
                .contains("/no/such/program")
                .doesNotContain("Status ", "{\"");
    }

    // --- commits

    /** As 20 deployments at once commit their predeploys: each gets its own image, none an engine error. */
    @Test
    void tasksCommittingAtOnceEachGetTheirImage() throws Exception {
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            references.add(images.track(TestImages.uniqueReference("parallel-commit")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(references.size());
        try {
            List<Future<TaskResult>> results = new ArrayList<>();
            for (String reference : references) {
                results.add(pool.submit(() -> runtime.runTask(
                        task(
                                TestEngines.baseImage(),
                                List.of("sh", "-c", "echo same > /tmp/same.txt"),
                                Map.of(),
                                Optional.of(reference)),
                        new RecordingOutput(),
                        Cancellation.none())));
            }
            for (Future<TaskResult> result : results) {
                assertThat(result.get(2, TimeUnit.MINUTES).succeeded()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        for (String reference : references) {
            assertThat(runtime.inspectImage(reference)).as(reference).isPresent();
        }
    }

    @Test
    void aCommitKeepsAnEntrypointImagesConfigurationAndTheTasksFiles() {
        String original = appImage;
        String reference = images.track(TestImages.uniqueReference("commit"));
        ImageDetails before = runtime.inspectImage(original).orElseThrow();

        TaskResult result = runtime.runTask(
                task(
                        original,
                        List.of("sh", "-c", "echo predeploy > /app/predeploy.txt"),
                        Map.of("MODE", "task", "SECRET", "s3cret"),
                        Optional.of(reference)),
                output,
                Cancellation.none());

        assertThat(result.succeeded()).isTrue();
        ImageDetails committed = runtime.inspectImage(reference).orElseThrow();
        assertThat(committed.id()).startsWith("sha256:").isNotEqualTo(before.id());
        assertThat(committed.entrypoint()).isEqualTo(before.entrypoint()).containsExactly(TestImages.RUN_ARGS);
        assertThat(committed.cmd()).isEqualTo(before.cmd());
        assertThat(committed.workingDir()).isEqualTo("/app");
        assertThat(committed.user()).isEqualTo("0");
        assertThat(committed.exposedPorts()).isEqualTo(before.exposedPorts());
        assertThat(committed.env()).isEqualTo(before.env());
        assertThat(readFile(reference, "/app/predeploy.txt"))
                .hasValueSatisfying(
                        bytes -> assertThat(new String(bytes, UTF_8)).isEqualTo("predeploy\n"));
        assertRunsAsBefore(reference, "serving");
        String process = runtime.startProcess(process(reference, List.of("sleep", "60")));
        assertThat(runtime.inspectContainer(process).orElseThrow().labels().get("io.slipway.phase"))
                .as("the task's label in the committed image")
                .isNullOrEmpty();
        runtime.removeContainer(process);
    }

    @Test
    void aCommitKeepsTheImagesEnvironmentExactly() {
        String reference = images.track(TestImages.uniqueReference("commit"));
        ImageDetails before = runtime.inspectImage(appImage).orElseThrow();

        TaskResult result = runtime.runTask(
                task(
                        appImage,
                        List.of("sh", "-c", "echo predeploy"),
                        Map.of("MYSECRET", "x", "SLIPWAY_PHASE", "predeploy"),
                        Optional.of(reference)),
                output,
                Cancellation.none());

        assertThat(result.succeeded()).isTrue();
        assertThat(runtime.inspectImage(reference).orElseThrow().env())
                .as("the committed image's Env, entry by entry and in order")
                .containsExactlyElementsOf(before.env());
    }

    @Test
    void aCommitKeepsTheCmdOfAnImageWithoutEntrypoint() {
        String reference = images.track(TestImages.uniqueReference("commit"));

        TaskResult result = runtime.runTask(
                task(
                        TestEngines.baseImage(),
                        List.of("sh", "-c", "echo task > /made-by-task"),
                        Map.of(),
                        Optional.of(reference)),
                output,
                Cancellation.none());

        assertThat(result.succeeded()).isTrue();
        ImageDetails committed = runtime.inspectImage(reference).orElseThrow();
        assertThat(committed.entrypoint()).isEmpty();
        assertThat(committed.cmd()).containsExactly("/bin/sh");
        assertThat(committed.workingDir()).isEmpty();
        assertThat(readFile(reference, "/made-by-task")).isPresent();
    }

    @Test
    void aCommitOfAnImageWithNeitherEntrypointNorCmdAddsNeither() {
        byte[] busybox = readFile(TestEngines.baseImage(), "/bin/busybox").orElseThrow();
        String bare = images.track(TestImages.uniqueReference("bare"));
        engine.importRootFilesystem(BuildContext.empty().executable("bin/busybox", busybox), bare);
        String reference = images.track(TestImages.uniqueReference("commit"));

        TaskResult result = runtime.runTask(
                task(
                        bare,
                        List.of("/bin/busybox", "sh", "-c", "echo task > /marker"),
                        Map.of(),
                        Optional.of(reference)),
                output,
                Cancellation.none());

        assertThat(result.succeeded()).isTrue();
        ImageDetails committed = runtime.inspectImage(reference).orElseThrow();
        assertThat(committed.entrypoint()).isEmpty();
        assertThat(committed.cmd()).isEmpty();
        assertThat(readFile(reference, "/marker")).isPresent();
        TaskResult rerun =
                runtime.runTask(task(reference, List.of("/bin/busybox", "echo", "runs")), output, Cancellation.none());
        assertThat(rerun.succeeded()).isTrue();
        assertThat(output.lines(OutputChannel.STDOUT)).endsWith("runs");
    }

    // --- processes

    @Test
    void runsAProcessThroughItsLifeCycle() {
        String name = "slipway-it-" + run.substring(0, 8);
        Map<String, String> labels = new HashMap<>(runLabels);
        labels.put("io.slipway.role", "process");

        String id = runtime.startProcess(
                new ProcessSpec(TestEngines.baseImage(), name, List.of("sleep", "60"), Map.of("PORT", "5000"), labels));

        ContainerInfo running = runtime.inspectContainer(id).orElseThrow();
        assertThat(running.id()).isEqualTo(id);
        assertThat(running.name()).isEqualTo(name);
        assertThat(running.image()).isEqualTo(TestEngines.baseImage());
        assertThat(running.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(running.labels()).containsAllEntriesOf(labels);
        assertThat(running.startedAt()).as("an inspect's start time").isPresent();
        // A list has no start time (the engines' container list does not carry it); the rest is as inspected.
        assertThat(runtime.listContainers(labels))
                .as("listed as inspected")
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("startedAt")
                .containsExactly(running);
        assertThat(runtime.listContainers(Map.of(RUN_LABEL, run, "io.slipway.role", "task")))
                .isEmpty();

        runtime.stopContainer(id, Duration.ofSeconds(1));
        assertThat(runtime.inspectContainer(id).orElseThrow().state()).isEqualTo(ContainerState.EXITED);
        runtime.stopContainer(id, Duration.ofSeconds(1));

        runtime.removeContainer(id);
        assertThat(runtime.inspectContainer(id)).isEmpty();
        runtime.removeContainer(id);
        runtime.stopContainer(id, Duration.ofSeconds(1));
    }

    @Test
    void aProcessWithoutCommandRunsTheImagesOwn() {
        String image = images.build(BuildContext.fromBaseImage("CMD [\"sleep\", \"60\"]"));

        String id = runtime.startProcess(process(image, List.of()));

        assertThat(runtime.inspectContainer(id).orElseThrow().state()).isEqualTo(ContainerState.RUNNING);
        runtime.removeContainer(id);
    }

    @Test
    void anExitedProcessReportsItsExitCode() {
        // Processes restart unless stopped: this one exits with its code when it is stopped.
        String id = runtime.startProcess(
                process(TestEngines.baseImage(), List.of("sh", "-c", "trap 'exit 3' TERM; sleep 60 & wait")));
        await().atMost(QUICK)
                .until(() -> runtime.inspectContainer(id).orElseThrow().state() == ContainerState.RUNNING);
        runtime.stopContainer(id, Duration.ofSeconds(10));

        assertThat(runtime.inspectContainer(id).orElseThrow().state()).isEqualTo(ContainerState.EXITED);
        assertThat(runtime.inspectContainer(id).orElseThrow().exitCode()).isEqualTo(3);
        assertThat(runtime.listContainers(runLabels))
                .singleElement()
                .extracting(ContainerInfo::state, ContainerInfo::exitCode)
                .containsExactly(ContainerState.EXITED, 3);
        runtime.removeContainer(id);
    }

    @Test
    void aProcessWithoutASignalHandlerStopsOnTheStopSignal() {
        // busybox httpd in the foreground installs no SIGTERM handler: as PID 1 it would ignore the signal and be
        // killed (137) at the end of the grace; under the engine's init it ends from SIGTERM itself (128 + 15).
        String id =
                runtime.startProcess(process(TestEngines.baseImage(), List.of("httpd", "-f", "-p", "8080", "-h", "/")));
        await().atMost(QUICK)
                .until(() -> runtime.inspectContainer(id).orElseThrow().state() == ContainerState.RUNNING);

        runtime.stopContainer(id, Duration.ofSeconds(30));

        assertThat(runtime.inspectContainer(id).orElseThrow().exitCode()).isEqualTo(143);
        runtime.removeContainer(id);
    }

    @Test
    void theEngineRestartsAProcessThatExitsUnlessItWasStopped() {
        String id = runtime.startProcess(process(TestEngines.baseImage(), List.of("sh", "-c", "sleep 0.2; exit 3")));

        try (EngineView view = new EngineView(engine)) {
            assertThat(view.inspect(id).getHostConfig().getRestartPolicy().getName())
                    .isEqualTo("unless-stopped");
            await().atMost(QUICK).until(() -> view.inspect(id).getRestartCount() >= 1);
        }
        runtime.removeContainer(id);
    }

    @Test
    void aCrashingProcessShowsItsRestartsItsExitAndItsLastLines() {
        String id = runtime.startProcess(
                process(TestEngines.baseImage(), List.of("sh", "-c", "echo starting; echo failing >&2; exit 3")));

        await().atMost(QUICK)
                .until(() -> runtime.inspectContainer(id).orElseThrow().restartCount() >= 1);
        ContainerInfo crashed = runtime.inspectContainer(id).orElseThrow();
        assertThat(crashed.hasExited()).isTrue();
        assertThat(runtime.lastLogLines(id, 2)).hasSize(2).containsAnyOf("starting", "failing");
        runtime.removeContainer(id);
    }

    @Test
    void aListingWithInspectionsSaysWhatAnInspectionSaysOfEachContainer() {
        String steady = runtime.startProcess(new ProcessSpec(
                TestEngines.baseImage(),
                "slipway-it-steady-" + run.substring(0, 8),
                List.of("sleep", "60"),
                Map.of(),
                runLabels));
        String crashing = runtime.startProcess(new ProcessSpec(
                TestEngines.baseImage(),
                "slipway-it-crashing-" + run.substring(0, 8),
                List.of("sh", "-c", "exit 3"),
                Map.of(),
                runLabels));
        // Podman may refuse to inspect a crash-looping container at the moment its process ends: the listing then
        // describes it as listed, without its restarts, until its next listing.
        ContainerInfo crashed = await().atMost(QUICK)
                .until(() -> byId(runtime.listInspected(runLabels)).get(crashing), info -> info.restartCount() >= 1);
        assertThat(crashed.hasExited()).isTrue();

        Map<String, ContainerInfo> listed = byId(runtime.listInspected(runLabels));
        assertThat(listed).containsOnlyKeys(steady, crashing);
        ContainerInfo inspectedSteady = runtime.inspectContainer(steady).orElseThrow();
        assertThat(listed.get(steady).startedAt()).isPresent().isEqualTo(inspectedSteady.startedAt());
        assertThat(listed.get(steady).restartCount()).isZero();
        assertThat(listed.get(steady).hasExited()).isFalse();

        // A container that restarted since the last listing is inspected again.
        await().atMost(QUICK)
                .until(() ->
                        byId(runtime.listInspected(runLabels)).get(crashing).restartCount() > crashed.restartCount());
        runtime.removeContainer(crashing);
        assertThat(byId(runtime.listInspected(runLabels))).containsOnlyKeys(steady);
        runtime.removeContainer(steady);
    }

    private static Map<String, ContainerInfo> byId(List<ContainerInfo> containers) {
        return containers.stream().collect(Collectors.toMap(ContainerInfo::id, container -> container));
    }

    /** Podman refuses to kill a container between two runs of its restart policy; a removal must still succeed. */
    @Test
    void aCrashLoopingProcessCanBeRemovedAtAnyMomentOfItsLoop() throws InterruptedException {
        for (int round = 0; round < 16; round++) {
            String id = runtime.startProcess(process(TestEngines.baseImage(), List.of("sh", "-c", "exit 3")));
            Thread.sleep(round % 4 * 100L);

            runtime.removeContainer(id);

            assertThat(runtime.inspectContainer(id)).as("round %d", round).isEmpty();
        }
    }

    @Test
    void aProcessThatNeverExitedShowsNoRestartNorExit() {
        String id = runtime.startProcess(process(TestEngines.baseImage(), List.of("sleep", "60")));

        await().atMost(QUICK)
                .until(() -> runtime.inspectContainer(id).orElseThrow().state() == ContainerState.RUNNING);
        ContainerInfo running = runtime.inspectContainer(id).orElseThrow();
        assertThat(running.restartCount()).isZero();
        assertThat(running.hasExited()).isFalse();
        assertThat(running.address()).isEmpty();
        runtime.removeContainer(id);
    }

    @Test
    void aWebProcessPublishesItsPortOnALoopbackPortTheEngineChose() throws Exception {
        String id = runtime.startProcess(new ProcessSpec(
                TestEngines.baseImage(),
                "slipway-it-" + run.substring(0, 8),
                List.of(
                        "sh",
                        "-c",
                        "mkdir -p /www && echo hello-$RUN > /www/index.html && exec httpd -f -p 5000 -h /www"),
                Map.of("RUN", run),
                runLabels,
                Optional.of(5000),
                ResourceLimits.NONE));

        String address = runtime.inspectContainer(id).orElseThrow().address().orElseThrow();
        assertThat(address).matches("127\\.0\\.0\\.1:\\d+").isNotEqualTo("127.0.0.1:5000");
        assertThat(runtime.listContainers(runLabels))
                .singleElement()
                .satisfies(listed -> assertThat(listed.address()).contains(address));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + "/"))
                .timeout(Duration.ofSeconds(2))
                .build();
        await().atMost(QUICK)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(http.send(request, HttpResponse.BodyHandlers.ofString())
                                .body())
                        .isEqualTo("hello-" + run + "\n"));

        ExecResult read = runtime.exec(id, List.of("cat", "/www/index.html"), QUICK);
        assertThat(read.exitCode()).isZero();
        assertThat(read.output()).isEqualTo("hello-" + run);
        assertThat(runtime.exec(id, List.of("sh", "-c", "echo no >&2; exit 4"), QUICK))
                .isEqualTo(new ExecResult(4, "no"));
        assertThat(runtime.exec(id, List.of("sleep", "30"), Duration.ofSeconds(1))
                        .exitCode())
                .isEqualTo(-1);
        runtime.removeContainer(id);
    }

    @Test
    void anEngineRefusalCarriesTheEnginesMessage() {
        ProcessSpec spec = process(TestEngines.baseImage(), List.of("sleep", "60"));
        String id = runtime.startProcess(spec);

        assertThatThrownBy(() -> runtime.startProcess(spec))
                .isExactlyInstanceOf(ContainerRuntimeException.class)
                .message()
                .containsIgnoringCase("in use")
                .doesNotContain("Status ", "{\"");
        runtime.removeContainer(id);
    }

    // --- networks

    @Test
    void aBuildInAnAppsNetworkNeverReachesTheHostsLoopback() {
        String network = network("build");
        try (LoopbackTrap trap = new LoopbackTrap()) {
            RecordingOutput build = new RecordingOutput();
            runtime.buildImage(
                    new ByteArrayInputStream(
                            BuildContext.fromBaseImage("RUN echo probe-" + run + "; " + trap.probeScript())
                                    .toTar()),
                    images.track(TestImages.uniqueReference("probe")),
                    Optional.of(network),
                    build,
                    Cancellation.none());

            assertProbedWithoutReaching(build.lines(OutputChannel.STDOUT), trap);
        }
    }

    @Test
    void aTaskInAnAppsNetworkNeverReachesTheHostsLoopback() {
        String network = network("task");
        try (LoopbackTrap trap = new LoopbackTrap()) {
            TaskResult result = runtime.runTask(
                    task(List.of("sh", "-c", trap.probeScript())).inNetwork(network), output, Cancellation.none());

            assertThat(result.exitCode()).isZero();
            assertProbedWithoutReaching(output.lines(OutputChannel.STDOUT), trap);
        }
    }

    @Test
    void anAppsWebProcessAnswersOnLoopbackButNotToAnotherApp() throws Exception {
        String ours = network("a");
        String theirs = network("b");
        String id = runtime.startProcess(new ProcessSpec(
                        TestEngines.baseImage(),
                        "slipway-it-" + run.substring(0, 8),
                        List.of(
                                "sh",
                                "-c",
                                "mkdir -p /www && echo hello-$RUN > /www/index.html && exec httpd -f -p 5000 -h /www"),
                        Map.of("RUN", run),
                        runLabels,
                        Optional.of(5000),
                        ResourceLimits.NONE)
                .inNetwork(ours));

        String address = runtime.inspectContainer(id).orElseThrow().address().orElseThrow();
        assertThat(address).matches("127\\.0\\.0\\.1:\\d+");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + "/"))
                .timeout(Duration.ofSeconds(2))
                .build();
        await().atMost(QUICK)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(http.send(request, HttpResponse.BodyHandlers.ofString())
                                .body())
                        .isEqualTo("hello-" + run + "\n"));
        String inItsNetwork;
        try (EngineView view = new EngineView(engine)) {
            inItsNetwork = view.inspect(id)
                    .getNetworkSettings()
                    .getNetworks()
                    .get(ours)
                    .getIpAddress();
        }
        List<String> probe =
                List.of("sh", "-c", "nc -w 3 " + inItsNetwork + " 5000 </dev/null && echo REACHED; echo DONE");

        RecordingOutput fromOurs = new RecordingOutput();
        runtime.runTask(task(probe).inNetwork(ours), fromOurs, Cancellation.none());
        RecordingOutput fromTheirs = new RecordingOutput();
        runtime.runTask(task(probe).inNetwork(theirs), fromTheirs, Cancellation.none());

        assertThat(fromOurs.lines(OutputChannel.STDOUT))
                .as("in the same network")
                .containsExactly("REACHED", "DONE");
        assertThat(fromTheirs.lines(OutputChannel.STDOUT))
                .as("from another app's network")
                .containsExactly("DONE");
        runtime.removeContainer(id);
    }

    @Test
    void aNetworkAskedForAtOnceIsCreatedOnceAndRemovedWithoutATrace() throws Exception {
        String name = "slipway-it-" + run;
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> calls = IntStream.range(0, 4)
                    .<Future<?>>mapToObj(i -> callers.submit(() -> runtime.ensureNetwork(name, runLabels)))
                    .toList();
            for (Future<?> call : calls) {
                call.get(QUICK.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        runtime.ensureNetwork(name, runLabels);

        try (EngineView view = new EngineView(engine)) {
            assertThat(view.networksNamed(name))
                    .singleElement()
                    .satisfies(network -> assertThat(network.getLabels()).containsAllEntriesOf(runLabels));
            runtime.removeNetwork(name);
            assertThat(view.networksNamed(name)).isEmpty();
        }
        runtime.removeNetwork(name);
    }

    /** A network for this test, removed after it. */
    private String network(String app) {
        String name = "slipway-it-" + app + "-" + run.substring(0, 8);
        runtime.ensureNetwork(name, runLabels);
        networks.add(name);
        return name;
    }

    private static void assertProbedWithoutReaching(List<String> lines, LoopbackTrap trap) {
        String tried = "TRIED " + trap.lastProbeTries();
        // A build's output may carry terminal colour codes around a line.
        assertThat(lines)
                .as("the probe ran, to the container's loopback, its gateway and every address of the host")
                .anyMatch(line -> line.strip().endsWith(tried));
        assertThat(lines).noneMatch(line -> line.strip().startsWith("REACHED"));
        assertThat(trap.connections()).as("connections to the host's loopback").isEmpty();
    }

    // --- helpers

    /** Compares without printing a list of thousands of lines when they differ. */
    private static void assertNumberedFromOne(List<String> lines, int count) {
        List<String> expected =
                IntStream.rangeClosed(1, count).mapToObj(Integer::toString).toList();
        assertThat(lines.equals(expected))
                .as(() ->
                        "lines 1.." + count + " once each, in order; got " + lines.size() + " lines, the first wrong at"
                                + " index "
                                + IntStream.range(0, lines.size())
                                        .filter(i -> i >= count || !lines.get(i).equals(expected.get(i)))
                                        .mapToObj(i -> i + ": " + lines.get(i))
                                        .findFirst()
                                        .orElse("(none, too few)"))
                .isTrue();
    }

    private TaskSpec task(List<String> cmd) {
        return task(TestEngines.baseImage(), cmd);
    }

    private TaskSpec task(String image, List<String> cmd) {
        return task(image, cmd, Map.of(), Optional.empty());
    }

    private TaskSpec task(String image, List<String> cmd, Map<String, String> env, Optional<String> commitAs) {
        Map<String, String> labels = new HashMap<>(runLabels);
        labels.put("io.slipway.phase", "predeploy");
        return new TaskSpec(image, cmd, env, labels, TIMEOUT, commitAs);
    }

    private ProcessSpec process(String image, List<String> cmd) {
        return new ProcessSpec(image, "slipway-it-" + run.substring(0, 8), cmd, Map.of(), runLabels);
    }

    /** A container of the committed image with no command starts as the original did. */
    private void assertRunsAsBefore(String image, String expectedLine) {
        RecordingOutput rerun = new RecordingOutput();
        assertThat(runtime.runTask(task(image, List.of()), rerun, Cancellation.none())
                        .succeeded())
                .isTrue();
        assertThat(rerun.lines(OutputChannel.STDOUT)).containsExactly(expectedLine);
    }

    /** Looks at what the engine really did, beneath the interface under test. */
    private static final class EngineView implements AutoCloseable {

        private final DockerClient client;

        EngineView(TestEngine engine) {
            DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerHost(engine.endpoint().toString())
                    .withApiVersion("1.41")
                    .build();
            client = DockerClientImpl.getInstance(
                    config,
                    new ApacheDockerHttpClient.Builder()
                            .dockerHost(config.getDockerHost())
                            .build());
        }

        InspectContainerResponse inspect(String id) {
            return client.inspectContainerCmd(id).exec();
        }

        List<Network> networksNamed(String name) {
            return client.listNetworksCmd().withNameFilter(name).exec().stream()
                    .filter(network -> network.getName().equals(name))
                    .toList();
        }

        @Override
        public void close() {
            try {
                client.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Optional<byte[]> readFile(String image, String path) {
        return Optional.ofNullable(runtime.readFiles(image, List.of(path)).get(path));
    }
}
