package io.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.transport.DockerHttpClient;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.EngineKind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Network creation on Podman, against answers Podman gave (the engines themselves are the contract tests'). */
class NetworksTests {

    private static final String GONE =
            "{\"cause\":\"route ip+net: no such network interface\",\"message\":\"route ip+net: no such network"
                    + " interface\",\"response\":500}";
    private static final String CREATED = "{\"name\":\"shop\",\"options\":{\"isolate\":\"true\"}}";

    private final Podman podman = new Podman();
    private final Networks networks = new Networks(
            null,
            null,
            new RawEngineApi(podman),
            new EngineErrors(URI.create("unix:///podman.sock")),
            EngineKind.PODMAN);

    @Test
    void aCreationFailedByAnInterfaceGoneMeanwhileIsTriedAgain() {
        podman.creations.add(new Answer(500, GONE));
        podman.creations.add(new Answer(200, CREATED));

        networks.ensure("shop", Map.of());

        assertThat(podman.created).isEqualTo(2);
    }

    @Test
    void itIsTriedAFewTimesAndThenFailsWithPodmansReason() {
        for (int i = 0; i < 5; i++) {
            podman.creations.add(new Answer(500, GONE));
        }

        assertThatThrownBy(() -> networks.ensure("shop", Map.of()))
                .isInstanceOf(ContainerRuntimeException.class)
                .hasMessageContaining("cannot create network shop")
                .hasMessageContaining("no such network interface");
        assertThat(podman.created).isEqualTo(3);
    }

    @Test
    void anyOtherRefusalFailsAtOnce() {
        podman.creations.add(new Answer(500, "{\"cause\":\"subnet in use\",\"message\":\"subnet in use\"}"));

        assertThatThrownBy(() -> networks.ensure("shop", Map.of())).hasMessageContaining("subnet in use");
        assertThat(podman.created).isEqualTo(1);
    }

    private record Answer(int status, String body) {}

    /** Podman's libpod network API: no network until a creation succeeds. */
    private static final class Podman implements DockerHttpClient {

        final Deque<Answer> creations = new ArrayDeque<>();
        int created;
        boolean exists;

        @Override
        public synchronized Response execute(Request request) {
            if (request.path().endsWith("/create")) {
                created++;
                Answer answer = creations.removeFirst();
                exists = answer.status() < 400;
                return response(answer.status(), answer.body());
            }
            return exists ? response(200, CREATED) : response(404, "{\"message\":\"network not found\"}");
        }

        @Override
        public void close() {}

        private static Response response(int status, String body) {
            return new Response() {
                @Override
                public int getStatusCode() {
                    return status;
                }

                @Override
                public Map<String, List<String>> getHeaders() {
                    return Map.of();
                }

                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public void close() {}
            };
        }
    }
}
