package io.slipway.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.slipway.contract.Channels;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The gateway's configuration. It shares the {@code slipway} prefix with the engine's
 * {@code EngineConfig} because operators set both through the same {@code SLIPWAY_*}
 * variables; the two mappings name disjoint keys.
 */
@ConfigMapping(prefix = "slipway")
public interface GatewayConfig {

    /**
     * The API token ({@code SLIPWAY_API_TOKEN}). When unset, a token is generated on first start
     * and kept in {@code <data-dir>/api-token}.
     */
    Optional<String> apiToken();

    String DATA_DIR = "slipway.data-dir";

    /**
     * Where the H2 database, the API token and uploaded build contexts live
     * ({@code SLIPWAY_DATA_DIR}); relative to the working directory unless absolute. Default
     * {@code ~/.slipway}, set in {@code application.properties} because the database URL is derived
     * from it before mappings exist (see {@link DatabaseLocation}). Use {@link DataDirectory}.
     */
    Path dataDir();

    String ENGINE = "slipway.engine";

    /**
     * Where deployments run ({@code SLIPWAY_ENGINE}): {@code embedded}, an engine inside this process, or
     * {@code remote}, engine workers over Kafka. Default {@code embedded}.
     */
    @WithDefault("embedded")
    EngineMode engine();

    /**
     * The pool an app belongs to when it is created without one ({@code SLIPWAY_DEFAULT_POOL}); remote mode only,
     * as an embedded engine has the one pool {@code default}. Default {@code default}.
     */
    @WithDefault(Channels.DEFAULT_POOL)
    String defaultPool();

    /**
     * The credential of engine workers ({@code SLIPWAY_WORKER_TOKEN}): the only bearer token the worker endpoints
     * take, and one that opens nothing else. When unset, the worker endpoints refuse every call.
     */
    Optional<String> workerToken();

    /**
     * How long a worker may go unheard before its unfinished deployments end {@code FAILED} with reason
     * {@code worker lost} ({@code SLIPWAY_WORKER_LEASE}); the workers read the same setting to report well within
     * it. Default 30 s.
     */
    @WithDefault("30s")
    Duration workerLease();

    Gateway gateway();

    Audit audit();

    Cron cron();

    interface Cron {

        /**
         * How often each gateway replica looks for due app.json cron firings ({@code SLIPWAY_CRON_TICK}). A firing
         * starts at most this long after its time; one seen more than three ticks (at least a minute) late, as after
         * a pause, is not caught up. Default 10s.
         */
        @WithDefault("10s")
        Duration tick();
    }

    interface Audit {

        /**
         * How long the audit log keeps an entry ({@code SLIPWAY_AUDIT_RETENTION}); older ones are purged every hour.
         * Default 90 days.
         */
        @WithDefault("90d")
        Duration retention();
    }

    interface Gateway {

        /**
         * The largest request body, a build context above all ({@code SLIPWAY_GATEWAY_MAX_UPLOAD_SIZE}).
         * Default 512M. A larger declared {@code Content-Length} is refused with a 413 problem
         * before the body is read.
         */
        @WithDefault("512M")
        MemorySize maxUploadSize();

        /**
         * The most a build context may unpack to ({@code SLIPWAY_GATEWAY_MAX_CONTEXT_UNPACKED_SIZE}): a gzip is
         * counted as it is read at upload, and one above this is refused with a 413 problem before the engine sees
         * it. Default 2G, four times the upload limit: real contexts compress by about that much, a bomb by far more.
         */
        @WithDefault("2G")
        MemorySize maxContextUnpackedSize();

        /**
         * In remote mode, how long the app list keeps what it read of the database: the stored processes and the
         * stored part of the app list, for what other gateway replicas stored ({@code
         * SLIPWAY_GATEWAY_PROCESS_STATE_MAX_AGE}; see {@code StoredProcesses} and {@code StoredAppList}). Default 1s.
         * An embedded gateway stores everything itself, and keeps both until it stores a change.
         */
        @WithDefault("1s")
        Duration processStateMaxAge();

        /**
         * How long {@code DELETE /api/v1/apps/{app}} waits for the engine to report the app's containers gone and for
         * its rows to be forgotten ({@code SLIPWAY_GATEWAY_APP_DELETION_WAIT}): 204 when both are done within it, else
         * 202 and the rest goes on. Default 30s: three times the stop grace, which a container that ignores SIGTERM
         * takes in full.
         */
        @WithDefault("30s")
        Duration appDeletionWait();

        /**
         * How many API requests the gateway works on at once ({@code SLIPWAY_GATEWAY_MAX_REQUESTS_IN_FLIGHT}); one
         * more is answered 503 with {@code Retry-After} at once. An event stream counts until its headers are written,
         * and console handshakes do not count: they have bounds of their own. Default 128: a gateway that fell behind
         * an open-loop load of app lists kept every answer waiting to be written until they filled its direct memory,
         * and then failed every request; and below the 200 worker threads, which requests whose bodies come slowly
         * would otherwise all hold.
         */
        @WithDefault("128")
        int maxRequestsInFlight();
    }
}
