package io.slipway.engine.pipeline;

import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.ContainerState;
import io.slipway.runtime.EngineInfo;
import io.slipway.runtime.EngineKind;
import io.slipway.runtime.ExecResult;
import io.slipway.runtime.ImageDetails;
import io.slipway.runtime.LogFollow;
import io.slipway.runtime.LogListener;
import io.slipway.runtime.LogQuery;
import io.slipway.runtime.OutputChannel;
import io.slipway.runtime.OutputListener;
import io.slipway.runtime.ProcessSpec;
import io.slipway.runtime.TaskOutcome;
import io.slipway.runtime.TaskResult;
import io.slipway.runtime.TaskSpec;
import io.slipway.runtime.Terminal;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A container runtime that records what the pipeline asks of it and answers from a script: for
 * unit tests of the pipeline's decisions only. The real-engine tests are the proof that they work.
 */
public final class RecordingRuntime implements ContainerRuntime {

    record Call(String operation, String subject) {}

    final List<Call> calls = new ArrayList<>();
    final List<TaskSpec> tasks = new ArrayList<>();
    final List<ProcessSpec> processes = new ArrayList<>();
    final List<Optional<String>> buildNetworks = new ArrayList<>();
    /** The networks that exist, by name, with their labels. */
    final Map<String, Map<String, String>> networks = new LinkedHashMap<>();

    final List<String> removedNetworks = new ArrayList<>();

    final Map<String, ImageDetails> images = new HashMap<>();
    final Map<String, String> files = new HashMap<>();
    final Map<String, ContainerInfo> containers = new LinkedHashMap<>();
    /** How many more times the engine refuses to remove a container, as Podman does while one restarts. */
    final Map<String, Integer> refusedRemovals = new HashMap<>();
    /** Runs as each process container starts, e.g. to cancel a deployment while it starts them. */
    Runnable onStartProcess = () -> {};

    Function<TaskSpec, TaskResult> taskBehaviour = task -> new TaskResult(TaskOutcome.EXITED, 0);
    ContainerState startedProcessState = ContainerState.RUNNING;
    /** How often the engine has restarted a started process container when it is inspected. */
    int startedProcessRestarts = 0;
    /** What a process container printed, as {@link #lastLogLines} answers. */
    List<String> processLog = List.of();
    /** A container id whose stop the engine refuses. */
    String unstoppable = "";

    private int nextId = 1;

    public RecordingRuntime withImage(String reference, List<String> entrypoint, List<String> cmd) {
        images.put(
                reference,
                new ImageDetails("sha256:" + reference.hashCode(), entrypoint, cmd, "/app", List.of(), "", Set.of()));
        return this;
    }

    RecordingRuntime withFile(String image, String path, String text) {
        files.put(image + "|" + path, text);
        return this;
    }

    /** A process container of an earlier deployment, running. */
    RecordingRuntime withRunningProcess(String app, String deploymentId, String id) {
        containers.put(
                id,
                new ContainerInfo(
                        id,
                        "old-" + id,
                        "old-image",
                        ContainerState.RUNNING,
                        0,
                        ContainerLabels.process(app, deploymentId, "web")));
        return this;
    }

    /** A process container of type {@code type} of an earlier deployment, running, published at {@code address}. */
    RecordingRuntime withRunningProcess(String app, String deploymentId, String id, String type, String address) {
        containers.put(
                id,
                new ContainerInfo(
                        id,
                        "old-" + id,
                        "old-image",
                        ContainerState.RUNNING,
                        0,
                        ContainerLabels.process(app, deploymentId, type),
                        0,
                        false,
                        Optional.ofNullable(address)));
        return this;
    }

    List<String> operations() {
        return calls.stream()
                .map(call -> call.operation() + " " + call.subject())
                .toList();
    }

    @Override
    public EngineInfo engine() {
        return new EngineInfo(EngineKind.PODMAN, "test", false, "unix:///recording");
    }

    @Override
    public EngineInfo ping() {
        return engine();
    }

    @Override
    public Optional<ImageDetails> inspectImage(String image) {
        return Optional.ofNullable(images.get(image));
    }

    @Override
    public String buildImage(
            InputStream context,
            String tag,
            Optional<String> network,
            OutputListener output,
            Cancellation cancellation) {
        calls.add(new Call("build", tag));
        buildNetworks.add(network);
        output.onLine(OutputChannel.STDOUT, "Step 1/1 : FROM base");
        images.put(
                tag, new ImageDetails("sha256:built", List.of(), List.of("/bin/sh"), "/app", List.of(), "", Set.of()));
        return "sha256:built";
    }

    @Override
    public void tagImage(String image, String reference) {
        calls.add(new Call("tag", image + " as " + reference));
    }

    @Override
    public List<String> listImages(String repository) {
        return images.keySet().stream()
                .filter(reference -> reference.startsWith(repository + ":"))
                .sorted()
                .toList();
    }

    @Override
    public void removeImage(String image) {
        calls.add(new Call("remove-image", image));
    }

    @Override
    public Map<String, byte[]> readFiles(String image, List<String> paths) {
        Map<String, byte[]> found = new HashMap<>();
        for (String path : paths) {
            String text = files.get(image + "|" + path);
            if (text != null) {
                found.put(path, text.getBytes(StandardCharsets.UTF_8));
            }
        }
        return found;
    }

    @Override
    public TaskResult runTask(TaskSpec task, OutputListener output, Cancellation cancellation) {
        calls.add(new Call("task", task.labels().get(ContainerLabels.PHASE) + " on " + task.image()));
        tasks.add(task);
        output.onLine(OutputChannel.STDOUT, "ran " + String.join(" ", task.cmd()));
        TaskResult result = taskBehaviour.apply(task);
        if (result.succeeded() && task.commitAs().isPresent()) {
            calls.add(new Call("commit", task.commitAs().get()));
            images.put(task.commitAs().get(), images.get(task.image()));
        }
        return result;
    }

    /** The pipeline never opens a console. */
    @Override
    public Terminal openTerminal(TaskSpec task, Consumer<byte[]> screen) {
        throw new UnsupportedOperationException("a deployment opens no console");
    }

    @Override
    public String startProcess(ProcessSpec process) {
        String id = "new-" + nextId++;
        calls.add(new Call("start", process.name()));
        processes.add(process);
        onStartProcess.run();
        boolean exited = startedProcessState == ContainerState.EXITED || startedProcessRestarts > 0;
        containers.put(
                id,
                new ContainerInfo(
                        id,
                        process.name(),
                        process.image(),
                        startedProcessState,
                        3,
                        process.labels(),
                        startedProcessRestarts,
                        exited,
                        process.publishedPort().map(port -> "127.0.0.1:" + (49000 + nextId - 1))));
        return id;
    }

    @Override
    public Optional<ContainerInfo> inspectContainer(String containerId) {
        return Optional.ofNullable(containers.get(containerId));
    }

    @Override
    public List<ContainerInfo> listContainers(Map<String, String> labels) {
        return containers.values().stream()
                .filter(container -> container.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    /** Pipelines never read a log this way: the read ends at once, with nothing. */
    @Override
    public LogFollow readLog(String containerId, LogQuery query, LogListener listener) {
        calls.add(new Call("read-log", containerId));
        listener.onEnd(Optional.empty());
        return () -> {};
    }

    @Override
    public List<String> lastLogLines(String containerId, int lines) {
        calls.add(new Call("logs", containerId));
        return processLog.subList(Math.max(0, processLog.size() - lines), processLog.size());
    }

    @Override
    public ExecResult exec(String containerId, List<String> cmd, Duration timeout) {
        calls.add(new Call("exec", containerId + " " + String.join(" ", cmd)));
        return new ExecResult(0, "");
    }

    @Override
    public void stopContainer(String containerId, Duration grace) {
        calls.add(new Call("stop", containerId));
        if (containerId.equals(unstoppable)) {
            throw new ContainerRuntimeException("container " + containerId + " cannot be stopped");
        }
    }

    @Override
    public void removeContainer(String containerId) {
        calls.add(new Call("remove", containerId));
        if (refusedRemovals.getOrDefault(containerId, 0) > 0) {
            refusedRemovals.merge(containerId, -1, Integer::sum);
            throw new ContainerRuntimeException("container state improper");
        }
        containers.remove(containerId);
    }

    @Override
    public void ensureNetwork(String name, Map<String, String> labels) {
        networks.putIfAbsent(name, labels);
    }

    @Override
    public void removeNetwork(String name) {
        removedNetworks.add(name);
        networks.remove(name);
    }

    @Override
    public void close() {}
}
