package io.slipway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.slipway.runtime.testing.RecordingOutput;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Memory and CPU limits on the real engines: Docker and rootful Podman hold containers to them and a task over its
 * memory ends {@link TaskOutcome#OUT_OF_MEMORY}; rootless Podman on cgroup v1 says it cannot enforce them.
 */
class ResourceLimitsIT {

    private static final long MEMORY = 32L * 1024 * 1024;
    private static final long HALF_A_CPU = 500_000_000L;
    private static final ResourceLimits LIMITS = new ResourceLimits(Optional.of(MEMORY), Optional.of(HALF_A_CPU));

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void aTaskOverItsMemoryLimitIsKilledAndEndsOutOfMemory(String engineName) {
        try (ContainerRuntime runtime = TestEngines.named(engineName).connect()) {
            assertThat(runtime.engine().enforcesLimits()).isTrue();
            Map<String, String> labels =
                    Map.of("io.slipway.test-run", UUID.randomUUID().toString());

            // tail keeps the whole "line" of /dev/zero, which never ends, in memory.
            TaskResult over = runtime.runTask(
                    task(List.of("/bin/sh", "-c", "exec tail /dev/zero"), labels),
                    new RecordingOutput(),
                    new Cancellation());
            TaskResult within = runtime.runTask(
                    task(List.of("/bin/sh", "-c", "head -c 1000000 /dev/zero | wc -c"), labels),
                    new RecordingOutput(),
                    new Cancellation());

            assertThat(over.outcome()).isEqualTo(TaskOutcome.OUT_OF_MEMORY);
            assertThat(within).isEqualTo(new TaskResult(TaskOutcome.EXITED, 0));
            assertThat(runtime.listContainers(labels)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void aProcessContainerGetsItsLimitsFromTheEngine(String engineName) throws IOException {
        TestEngine engine = TestEngines.named(engineName);
        try (ContainerRuntime runtime = engine.connect();
                DockerClient view = client(engine)) {
            String id = runtime.startProcess(new ProcessSpec(
                    TestEngines.baseImage(),
                    "slipway-limits-" + UUID.randomUUID().toString().substring(0, 8),
                    List.of("sleep", "60"),
                    Map.of(),
                    Map.of("io.slipway.test-run", "limits"),
                    Optional.empty(),
                    LIMITS));
            try {
                HostConfig host = view.inspectContainerCmd(id).exec().getHostConfig();
                assertThat(host.getMemory()).isEqualTo(MEMORY);
                assertThat(host.getNanoCPUs()).isEqualTo(HALF_A_CPU);
            } finally {
                runtime.removeContainer(id);
            }
        }
    }

    @Test
    void rootlessPodmanOnCgroupV1SaysItCannotEnforceLimits() {
        try (ContainerRuntime runtime = TestEngines.named("podman-rootless").connect()) {
            assertThat(runtime.engine().rootless()).isTrue();
            assertThat(runtime.engine().enforcesLimits()).isFalse();
        }
    }

    private static TaskSpec task(List<String> cmd, Map<String, String> labels) {
        return new TaskSpec(
                TestEngines.baseImage(), cmd, Map.of(), labels, Duration.ofMinutes(1), Optional.empty(), LIMITS);
    }

    private static DockerClient client(TestEngine engine) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(engine.endpoint().toString())
                .withApiVersion("1.41")
                .build();
        return DockerClientImpl.getInstance(
                config,
                new ApacheDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost())
                        .build());
    }
}
