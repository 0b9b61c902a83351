package io.slipway.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.slipway.runtime.testing.FakeEngine;
import java.nio.file.Path;
import java.util.Map;

/**
 * The gateway on a {@link FakeEngine} that answers start-up and then, once a test calls
 * {@link FakeEngine#hang(Path)}, never answers again; with a small worker pool, so that requests held
 * by the engine would starve the others quickly, and a short lease, so that the engine reports every second.
 */
public class HungEngineProfile implements QuarkusTestProfile {

    static final Path SOCKET = Path.of("target/hung-engine.sock").toAbsolutePath();
    static final int WORKER_THREADS = 12;

    @Override
    public Map<String, String> getConfigOverrides() {
        // Asked once per class loader: a second engine would take the socket from the first one.
        synchronized (HungEngineProfile.class) {
            if (!FakeEngine.listening(SOCKET)) {
                FakeEngine.listen(SOCKET);
            }
        }
        return Map.of(
                "slipway.runtime",
                "docker",
                "docker.host",
                "unix://" + SOCKET,
                "slipway.engine-timeout",
                "1s",
                "slipway.worker-lease",
                "3s",
                "quarkus.thread-pool.max-threads",
                String.valueOf(WORKER_THREADS));
    }
}
