package io.slipway.gateway.repository;

import io.slipway.contract.AppLimits;
import io.slipway.contract.DeploymentKind;
import io.slipway.contract.Limits;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** An app: its config variables and formation, applied at its next deployment, and its current release. */
@Entity
@Table(name = "app")
public class App {

    @Id
    @Column(length = 63)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The pool of engine workers that runs its deployments: its images and containers stay on that engine. */
    @Column(length = 63, nullable = false)
    private String pool;

    /** Set when the app's removal started; the app is then absent for everything but its removal. */
    @Column(name = "removal_started_at")
    private Instant removalStartedAt;

    /** When the app's one-time setup task was marked as run (before it started); null while it has not run. */
    @Column(name = "setup_marked_at")
    private Instant setupMarkedAt;

    /** The deployment that runs or ran the setup task; null before, and for apps released before setup existed. */
    @Column(name = "setup_deployment_id", length = 36)
    private String setupDeploymentId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "current_release_id")
    private Deployment currentRelease;

    @ElementCollection
    @CollectionTable(name = "app_config", joinColumns = @JoinColumn(name = "app_name"))
    @MapKeyColumn(name = "var_name")
    @Column(name = "var_value", length = 65536, nullable = false)
    private Map<String, String> config = new HashMap<>();

    /** The config variables app.json's env set and the operator has not set since. */
    @ElementCollection
    @CollectionTable(name = "app_config_from_app_json", joinColumns = @JoinColumn(name = "app_name"))
    @Column(name = "var_name", length = 255, nullable = false)
    private Set<String> configFromAppJson = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "app_formation", joinColumns = @JoinColumn(name = "app_name"))
    @MapKeyColumn(name = "process_type")
    @Column(name = "quantity", nullable = false)
    private Map<String, Integer> formation = new HashMap<>();

    /** Whether its last successful process control stopped it: then no process runs until it is started again. */
    @Column(nullable = false)
    private boolean stopped;

    @Column(name = "task_timeout_seconds")
    private Long taskTimeoutSeconds;

    @Column(name = "task_memory_bytes")
    private Long taskMemoryBytes;

    @Column(name = "task_nano_cpus")
    private Long taskNanoCpus;

    @Column(name = "shared_network")
    private String sharedNetwork;

    @ElementCollection
    @CollectionTable(name = "app_process_limits", joinColumns = @JoinColumn(name = "app_name"))
    @MapKeyColumn(name = "process_type")
    private Map<String, StoredLimits> processLimits = new HashMap<>();

    public static final String FROM_APP_JSON = "app.json";
    /** The sizes of the config columns. */
    public static final int MAX_NAME_LENGTH = 255;

    public static final int MAX_VALUE_LENGTH = 65536;
    public static final String FROM_OPERATOR = "operator";

    protected App() {}

    public App(String name, String pool, Instant createdAt) {
        this.name = name;
        this.pool = pool;
        this.createdAt = StoredTime.of(createdAt);
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String pool() {
        return pool;
    }

    public Optional<Deployment> currentRelease() {
        return Optional.ofNullable(currentRelease);
    }

    /** Sorted by name, so every listing reads the same. */
    public Map<String, String> config() {
        return new TreeMap<>(config);
    }

    public Map<String, Integer> formation() {
        return new TreeMap<>(formation);
    }

    /** Where each config variable came from: {@link #FROM_APP_JSON}, else {@link #FROM_OPERATOR}; sorted by name. */
    public Map<String, String> configSources() {
        Map<String, String> sources = new TreeMap<>();
        config.keySet()
                .forEach(name -> sources.put(name, configFromAppJson.contains(name) ? FROM_APP_JSON : FROM_OPERATOR));
        return sources;
    }

    /** Every variable given is the operator's from now on. */
    public void replaceConfig(Map<String, String> variables) {
        config.clear();
        config.putAll(variables);
        configFromAppJson.clear();
    }

    /**
     * Variables app.json's env gave a deployment: each is set only if the config still lacks it, so that a value
     * the operator set meanwhile is never overwritten.
     */
    public void addConfigFromAppJson(Map<String, String> variables) {
        variables.forEach((name, value) -> {
            // What the columns cannot hold is left out; the deployment that asked for it had it all the same.
            if (name.length() <= MAX_NAME_LENGTH
                    && value.length() <= MAX_VALUE_LENGTH
                    && config.putIfAbsent(name, value) == null) {
                configFromAppJson.add(name);
            }
        });
    }

    /** JSON merge patch semantics: a {@code null} value removes the variable. */
    public void mergeConfig(Map<String, String> changes) {
        changes.forEach((key, value) -> {
            configFromAppJson.remove(key);
            if (value == null) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
        });
    }

    public void scale(Map<String, Integer> quantities) {
        formation.clear();
        formation.putAll(quantities);
    }

    /** The app's default task timeout; empty for the engine's. */
    public Optional<Duration> taskTimeout() {
        return Optional.ofNullable(taskTimeoutSeconds).map(Duration::ofSeconds);
    }

    public void changeTaskTimeout(Optional<Duration> timeout) {
        taskTimeoutSeconds = timeout.map(Duration::toSeconds).orElse(null);
    }

    /** The network its build, tasks and processes share with other apps, from its next deployment on; empty: its own. */
    public Optional<String> sharedNetwork() {
        return Optional.ofNullable(sharedNetwork);
    }

    public void joinNetwork(Optional<String> network) {
        sharedNetwork = network.orElse(null);
    }

    /** The memory and CPU its containers may use, from its next deployment on. */
    public AppLimits limits() {
        Map<String, Limits> processes = new TreeMap<>();
        processLimits.forEach((type, stored) -> processes.put(type, stored.limits()));
        return new AppLimits(
                new Limits(Optional.ofNullable(taskMemoryBytes), Optional.ofNullable(taskNanoCpus)), processes);
    }

    public void changeLimits(AppLimits limits) {
        taskMemoryBytes = limits.task().memoryBytes().orElse(null);
        taskNanoCpus = limits.task().nanoCpus().orElse(null);
        processLimits.clear();
        limits.processes().forEach((type, process) -> processLimits.put(type, new StoredLimits(process)));
    }

    /** Whether the app's one-time setup task has been marked as run: no deployment starts it again. */
    public boolean setupRan() {
        return setupMarkedAt != null;
    }

    /** The deployment the setup mark is for; empty while it has not run, or when it ran before marks named one. */
    public Optional<String> setupDeploymentId() {
        return Optional.ofNullable(setupDeploymentId);
    }

    /** Marks the one-time setup task as run by {@code deploymentId}, before it starts; the mark stays. */
    public void markSetup(String deploymentId, Instant at) {
        if (setupRan()) {
            throw new IllegalStateException("the setup task of " + name + " is marked already");
        }
        setupMarkedAt = StoredTime.of(at);
        setupDeploymentId = deploymentId;
    }

    /** The deployment whose release image now runs; called when a deployment of this app succeeds. */
    public void release(Deployment deployment) {
        currentRelease = deployment;
    }

    /**
     * A deployment of this app succeeded: one that makes a release becomes the current one; a stop leaves the app
     * stopped, and anything else that starts processes running again (a scale changes only what runs).
     */
    public void succeeded(Deployment deployment) {
        DeploymentKind kind = deployment.kind();
        if (kind.makesRelease()) {
            release(deployment);
        }
        if (kind != DeploymentKind.SCALE) {
            stopped = kind == DeploymentKind.STOP;
        }
    }

    public boolean isStopped() {
        return stopped;
    }

    /** Forgets the current release, so that the app's deployments can be removed before the app. */
    public void forgetRelease() {
        currentRelease = null;
    }

    /** The app disappears from the API at once. */
    public void startRemoval(Instant now) {
        removalStartedAt = StoredTime.of(now);
    }

    /** Its removal could not be handed to the engine: the app is back as it was. */
    public void stopRemoval() {
        removalStartedAt = null;
    }

    public boolean isBeingRemoved() {
        return removalStartedAt != null;
    }
}
