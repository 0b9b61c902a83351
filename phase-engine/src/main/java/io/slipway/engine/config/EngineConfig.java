package io.slipway.engine.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.slipway.contract.AppRouting;
import io.slipway.contract.Channels;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The engine's configuration. Defaults live here, not in a properties file, so the gateway that
 * embeds the engine never sees two definitions of one key.
 */
@ConfigMapping(prefix = "slipway")
public interface EngineConfig {

    /**
     * Where the gateway's engine runs ({@code SLIPWAY_ENGINE}): {@code embedded}, in the gateway's process, or
     * {@code remote}, in workers of their own; then this module's beans stay idle inside the gateway. Default
     * {@code embedded}. See {@link EngineRole}.
     */
    @WithDefault(EngineRole.EMBEDDED_ENGINE)
    String engine();

    /** The pool this worker serves ({@code SLIPWAY_POOL}); its apps' commands are the only ones it reads. Default {@code default}. */
    @WithDefault(Channels.DEFAULT_POOL)
    String pool();

    /** This worker's name in its reports and claims ({@code SLIPWAY_WORKER_ID}). Default: host name and PID. */
    Optional<String> workerId();

    /**
     * The gateway a distributed worker claims its deployments from and downloads build contexts from
     * ({@code SLIPWAY_GATEWAY_URL}); unset, claims are granted in process (the embedded engine). See {@link EngineRole}.
     */
    Optional<String> gatewayUrl();

    /** The bearer token a distributed worker presents to the gateway ({@code SLIPWAY_WORKER_TOKEN}); never logged. */
    Optional<String> workerToken();

    /**
     * How long a worker may go unheard before the gateway ends its deployments {@code worker lost}
     * ({@code SLIPWAY_WORKER_LEASE}); a worker reports every {@code min(5 s, lease / 3)}. Default 30 s.
     */
    @WithDefault("30s")
    Duration workerLease();

    /** The largest build context a distributed worker downloads. Default 1 GiB. */
    @WithDefault("1G")
    MemorySize maxContextDownload();

    /** Which engine to use: {@code auto}, {@code docker} or {@code podman}. Default {@code auto}. */
    @WithDefault("auto")
    String runtime();

    /** The default task timeout; per app and per deployment overridable. Default 10 minutes. */
    @WithDefault("10m")
    Duration taskTimeout();

    /**
     * How long a connection, and a question to the engine (ping, inspect, list), may go unanswered:
     * a hung engine then fails readiness and API reads instead of blocking them. Default 5 s.
     */
    @WithDefault("5s")
    Duration engineTimeout();

    /**
     * The network mode of the containers and builds Slipway creates ({@code SLIPWAY_NETWORK}): unset, each app's
     * own network; {@code none}, no network for builds and tasks (processes keep the app's network); anything
     * else, that network for everything.
     */
    Optional<String> network();

    /**
     * The most containers one process type may run ({@code SLIPWAY_MAX_PROCESSES_PER_TYPE}), in app.json's
     * {@code formation}, the API's formation and the plan the engine starts. Default 100.
     */
    @WithDefault("100")
    int maxProcessesPerType();

    /** The apps' router: {@code caddy}, or {@code none} to run without a proxy. Default {@code caddy}. */
    @WithDefault(AppRouting.DEFAULT_ROUTER)
    String router();

    /** Caddy's admin API; keep it on loopback. Default {@code http://127.0.0.1:2019}. */
    @WithDefault("http://127.0.0.1:2019")
    String caddyAdmin();

    /** Apps are served at {@code http://<app>.<domain>}. Default {@code localhost}. */
    @WithDefault(AppRouting.DEFAULT_DOMAIN)
    String domain();

    /** Where the router listens for the apps' requests, {@code [host]:port}. Default {@code :80}. */
    @WithDefault(AppRouting.DEFAULT_LISTEN)
    String routerListen();

    Pipeline pipeline();

    interface Pipeline {

        /** How long a new process container may take to reach running. Default 60 s. */
        @WithDefault("60s")
        Duration startTimeout();

        /** How long new process containers must stay up before DEPLOY succeeds. Default 3 s. */
        @WithDefault("3s")
        Duration settleTime();

        /** How long a retired process container gets to stop before it is killed. Default 10 s. */
        @WithDefault("10s")
        Duration stopGrace();

        /**
         * How long the previous release's containers keep running after the switch and POSTDEPLOY, for the
         * requests they still answer. Default 10 s.
         */
        @WithDefault("10s")
        Duration waitToRetire();

        /** The {@code PORT} processes are told to listen on. Default 5000. */
        @WithDefault("5000")
        int port();

        /** The shell that runs tasks in images without an entrypoint. Default {@code /bin/sh -c}. */
        @WithDefault("/bin/sh,-c")
        List<String> shell();

        /**
         * Whether a starting worker removes task containers and unfinished releases that a crashed
         * process left on the engine. Turn it off when several workers share one engine. Default true.
         */
        @WithDefault("true")
        boolean removeLeftoversOnStart();

        /**
         * How many lines of output one deployment stores; past them output is dropped, and one line
         * at the end says how many. Default 100 000.
         */
        @WithDefault("100000")
        int maxLogLines();

        /** How many deployments (of different apps) run at once. Default 4. */
        @WithDefault("4")
        int parallelism();

        /** How many one-off runs run at once, beside the deployments; more wait in order. Default 8. */
        @WithDefault("8")
        int runParallelism();

        /**
         * How long an interactive run waits for its client to attach before it ends {@code CANCELLED}. Default 60 s.
         */
        @WithDefault("60s")
        Duration runAttachTimeout();
    }
}
