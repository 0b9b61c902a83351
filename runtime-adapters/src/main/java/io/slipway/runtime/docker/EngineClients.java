package io.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections to one engine, by how long the engine may take to answer a request (connecting
 * and the whole answer included; see {@link DeadlineHttpClient}):
 *
 * <ul>
 *   <li>{@link #queries()} (ping, version, inspect, list): the engine timeout, so that a hung engine
 *       fails a health check or an API read within seconds;
 *   <li>{@link #operations()} (create, start, stop, kill, remove, tag, commit, load, import, copy):
 *       {@link #OPERATION_TIMEOUT}, as these legitimately take long on a loaded engine (a stop waits
 *       for the grace period, a commit or a create on the {@code vfs} driver copies whole layers) yet
 *       must not wait forever on a hung one;
 *   <li>{@link #streams()} (log follow, wait, build): none, since a task may print nothing for as long
 *       as its timeout allows; these are ended by the task timeout, a cancel, or the build's end;
 *   <li>{@link #logs()} (process containers' logs that an operator follows): none either, on a pool of their own
 *       ({@link #MAX_LOG_STREAMS}), so that many followers never hold up a deployment's tasks.
 * </ul>
 */
final class EngineClients implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineClients.class);

    static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(10);
    /** Per kind of call; each running task holds two streaming connections (its wait and its log follow). */
    private static final int MAX_CONNECTIONS = 100;
    /** One per followed container: above what the engine side lets its followers hold at once. */
    static final int MAX_LOG_STREAMS = 1024;

    private final DockerHttpClient queriesHttp;
    private final DockerHttpClient operationsHttp;
    private final DockerClient queries;
    private final DockerClient operations;
    private final DockerClient streams;
    private final DockerHttpClient streamsHttp;
    private final DockerClient logs;

    EngineClients(DockerClientConfig config, Duration engineTimeout) {
        this.queriesHttp = new DeadlineHttpClient(
                http(config, engineTimeout), engineTimeout, MAX_CONNECTIONS, "slipway-engine-query");
        this.operationsHttp = new DeadlineHttpClient(
                http(config, engineTimeout), OPERATION_TIMEOUT, MAX_CONNECTIONS, "slipway-engine-operation");
        this.queries = DockerClientImpl.getInstance(config, queriesHttp);
        this.operations = DockerClientImpl.getInstance(config, operationsHttp);
        this.streamsHttp = http(config, engineTimeout);
        this.streams = DockerClientImpl.getInstance(config, streamsHttp);
        this.logs = DockerClientImpl.getInstance(config, http(config, engineTimeout, MAX_LOG_STREAMS));
    }

    DockerClient queries() {
        return queries;
    }

    /** The transport of {@link #queries()}, for questions docker-java has no command for. */
    DockerHttpClient queriesHttp() {
        return queriesHttp;
    }

    DockerClient operations() {
        return operations;
    }

    /** The transport of {@link #operations()}, for the calls {@link RawEngineApi} makes. */
    DockerHttpClient operationsHttp() {
        return operationsHttp;
    }

    DockerClient streams() {
        return streams;
    }

    /** The transport of {@link #streams()}, for the streams docker-java cannot send as an engine needs them. */
    DockerHttpClient streamsHttp() {
        return streamsHttp;
    }

    DockerClient logs() {
        return logs;
    }

    private static DockerHttpClient http(DockerClientConfig config, Duration connectTimeout) {
        return http(config, connectTimeout, MAX_CONNECTIONS);
    }

    /** Its connection timeout holds for TCP; on a unix socket only {@link DeadlineHttpClient} bounds a call. */
    private static DockerHttpClient http(DockerClientConfig config, Duration connectTimeout, int maxConnections) {
        return new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(maxConnections)
                .connectionTimeout(connectTimeout)
                .build();
    }

    @Override
    public void close() {
        for (DockerClient client : List.of(queries, operations, streams, logs)) {
            try {
                client.close();
            } catch (IOException e) {
                LOG.debug("closing a client of the engine failed", e);
            }
        }
    }
}
