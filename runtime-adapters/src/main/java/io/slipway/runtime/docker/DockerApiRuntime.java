package io.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.EngineInfo;
import io.slipway.runtime.ImageDetails;
import io.slipway.runtime.OutputListener;
import io.slipway.runtime.ProcessSpec;
import io.slipway.runtime.TaskResult;
import io.slipway.runtime.TaskSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContainerRuntime} on an engine's Docker-compatible API, for Docker and for rootful and
 * rootless Podman alike; what differs between them is handled by the parts it delegates to. Safe for
 * concurrent use: several deployments run their tasks through one runtime.
 */
final class DockerApiRuntime implements ContainerRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(DockerApiRuntime.class);

    private final EngineInfo engine;
    private final EngineProbe probe;
    private final DockerClient docker;
    private final Images images;
    private final ImageBuilder builder;
    private final ImageFileReader fileReader;
    private final Containers containers;
    private final ProcessStarter processes;
    private final TaskRunner tasks;

    DockerApiRuntime(
            EngineProfile profile,
            EngineProbe probe,
            DockerClient docker,
            DockerHttpClient http,
            Optional<String> network) {
        this.engine = profile.info();
        this.probe = probe;
        this.docker = docker;
        EngineErrors errors = new EngineErrors(URI.create(engine.endpoint()));
        RawEngineApi raw = new RawEngineApi(http);
        this.images = new Images(docker, raw, errors);
        this.builder = new ImageBuilder(docker, errors, images, network);
        this.containers = new Containers(docker, errors, profile.kind());
        HostConfigs hostConfigs = new HostConfigs(profile, network);
        this.processes = new ProcessStarter(docker, containers, hostConfigs);
        this.fileReader = new ImageFileReader(docker, errors, containers, hostConfigs);
        ContainerCommitter committer = new ContainerCommitter(raw, errors, images);
        this.tasks = new TaskRunner(docker, errors, images, containers, hostConfigs, committer);
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
    public String buildImage(InputStream context, String tag, OutputListener output) {
        return builder.build(context, tag, output);
    }

    @Override
    public String importImage(InputStream rootFilesystem, String reference) {
        return images.importRootFilesystem(rootFilesystem, reference);
    }

    @Override
    public void tagImage(String image, String reference) {
        images.tag(image, reference);
    }

    @Override
    public void removeImage(String image) {
        images.remove(image);
    }

    @Override
    public Optional<byte[]> readFile(String image, String path) {
        return fileReader.read(image, path);
    }

    @Override
    public TaskResult runTask(TaskSpec task, OutputListener output, Cancellation cancellation) {
        return tasks.run(task, output, cancellation);
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
    public void stopContainer(String containerId, Duration grace) {
        containers.stop(containerId, grace);
    }

    @Override
    public void removeContainer(String containerId) {
        containers.remove(containerId);
    }

    @Override
    public void close() {
        probe.close();
        try {
            docker.close();
        } catch (IOException e) {
            LOG.debug("closing the client of {} failed", engine.endpoint(), e);
        }
    }
}
