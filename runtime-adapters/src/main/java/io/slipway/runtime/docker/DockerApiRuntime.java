package io.slipway.runtime.docker;

import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.EngineInfo;
import io.slipway.runtime.ExecResult;
import io.slipway.runtime.ImageDetails;
import io.slipway.runtime.LogFollow;
import io.slipway.runtime.LogListener;
import io.slipway.runtime.LogQuery;
import io.slipway.runtime.OutputListener;
import io.slipway.runtime.ProcessSpec;
import io.slipway.runtime.TaskResult;
import io.slipway.runtime.TaskSpec;
import io.slipway.runtime.Terminal;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link ContainerRuntime} on an engine's Docker-compatible API, for Docker and for rootful and
 * rootless Podman alike; what differs between them is handled by the parts it delegates to. Safe for
 * concurrent use: several deployments run their tasks through one runtime.
 */
final class DockerApiRuntime implements ContainerRuntime {

    private final EngineInfo engine;
    private final EngineProbe probe;
    private final EngineClients clients;
    private final Images images;
    private final ImageBuilder builder;
    private final Networks networks;
    private final ImageFileReader fileReader;
    private final Containers containers;
    private final ListedInspections listedInspections;
    private final ProcessStarter processes;
    private final TaskRunner tasks;
    private final ContainerCommands commands;
    private final LogReader logReader;
    private final TerminalOpener terminals;

    DockerApiRuntime(
            EngineInfo engine,
            EngineProbe probe,
            EngineClients clients,
            Optional<String> network,
            Duration engineTimeout) {
        this.engine = engine;
        this.probe = probe;
        this.clients = clients;
        EngineErrors errors = new EngineErrors(URI.create(engine.endpoint()));
        RawEngineApi raw = new RawEngineApi(clients.operationsHttp());
        this.images = new Images(clients.queries(), clients.operations(), raw, errors);
        this.builder = new ImageBuilder(
                clients.streamsHttp(),
                errors,
                images,
                new BuildNetworks(engine.kind(), new RawEngineApi(clients.operationsHttp()), errors),
                network);
        this.networks = new Networks(
                clients.queries(),
                clients.operations(),
                new RawEngineApi(clients.operationsHttp()),
                errors,
                engine.kind());
        this.containers = new Containers(clients.queries(), clients.operations(), errors, engine.kind());
        this.listedInspections = new ListedInspections(containers);
        this.commands = new ContainerCommands(clients.queries(), clients.streams(), errors, engineTimeout);
        this.logReader = new LogReader(clients.logs(), errors);
        HostConfigs hostConfigs = new HostConfigs(network);
        this.processes = new ProcessStarter(clients.operations(), containers, hostConfigs);
        this.fileReader = new ImageFileReader(clients.operations(), errors, containers, hostConfigs);
        ContainerCommitter committer = new ContainerCommitter(raw, errors, images);
        // Tasks create, follow and wait on the streaming connections: the task timeout bounds them.
        this.tasks = new TaskRunner(clients.streams(), errors, images, containers, hostConfigs, committer);
        this.terminals =
                new TerminalOpener(clients.queries(), clients.streams(), errors, images, containers, hostConfigs);
    }

    @Override
    public EngineInfo engine() {
        return engine;
    }

    @Override
    public EngineInfo ping() {
        probe.ping();
        return engine;
    }

    @Override
    public Optional<ImageDetails> inspectImage(String image) {
        return images.inspect(image);
    }

    @Override
    public String buildImage(
            InputStream context,
            String tag,
            Optional<String> network,
            OutputListener output,
            Cancellation cancellation) {
        return builder.build(context, tag, network, output, cancellation);
    }

    @Override
    public void ensureNetwork(String name, Map<String, String> labels) {
        networks.ensure(name, labels);
    }

    @Override
    public void removeNetwork(String name) {
        networks.remove(name);
    }

    @Override
    public void tagImage(String image, String reference) {
        images.tag(image, reference);
    }

    @Override
    public List<String> listImages(String repository) {
        return images.tagsOf(repository);
    }

    @Override
    public void removeImage(String image) {
        images.remove(image);
    }

    @Override
    public Map<String, byte[]> readFiles(String image, List<String> paths) {
        return fileReader.read(image, paths);
    }

    @Override
    public TaskResult runTask(TaskSpec task, OutputListener output, Cancellation cancellation) {
        return tasks.run(task, output, cancellation);
    }

    @Override
    public Terminal openTerminal(TaskSpec task, Consumer<byte[]> screen) {
        return terminals.open(task, screen);
    }

    @Override
    public String startProcess(ProcessSpec process) {
        return processes.start(process);
    }

    @Override
    public Optional<ContainerInfo> inspectContainer(String containerId) {
        return containers.inspect(containerId);
    }

    @Override
    public List<ContainerInfo> listContainers(Map<String, String> labels) {
        return containers.list(labels);
    }

    @Override
    public List<ContainerInfo> listInspected(Map<String, String> labels) {
        return listedInspections.list(labels);
    }

    @Override
    public List<String> lastLogLines(String containerId, int lines) {
        return commands.lastLogLines(containerId, lines);
    }

    @Override
    public LogFollow readLog(String containerId, LogQuery query, LogListener listener) {
        return logReader.read(containerId, query, listener);
    }

    @Override
    public ExecResult exec(String containerId, List<String> cmd, Duration timeout) {
        return commands.exec(containerId, cmd, timeout);
    }

    @Override
    public void stopContainer(String containerId, Duration grace) {
        containers.stop(containerId, grace);
    }

    @Override
    public void removeContainer(String containerId) {
        containers.remove(containerId);
    }

    @Override
    public void close() {
        clients.close();
    }
}
