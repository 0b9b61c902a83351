package io.slipway.gateway.repository;

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
import java.util.Map;
import java.util.Optional;
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

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "current_release_id")
    private Deployment currentRelease;

    @ElementCollection
    @CollectionTable(name = "app_config", joinColumns = @JoinColumn(name = "app_name"))
    @MapKeyColumn(name = "var_name")
    @Column(name = "var_value", length = 65536, nullable = false)
    private Map<String, String> config = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "app_formation", joinColumns = @JoinColumn(name = "app_name"))
    @MapKeyColumn(name = "process_type")
    @Column(name = "quantity", nullable = false)
    private Map<String, Integer> formation = new HashMap<>();

    @Column(name = "task_timeout_seconds")
    private Long taskTimeoutSeconds;

    protected App() {}

    public App(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = StoredTime.of(createdAt);
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
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

    public void replaceConfig(Map<String, String> variables) {
        config.clear();
        config.putAll(variables);
    }

    /** JSON merge patch semantics: a {@code null} value removes the variable. */
    public void mergeConfig(Map<String, String> changes) {
        changes.forEach((key, value) -> {
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

    /** The deployment whose release image now runs; called when a deployment of this app succeeds. */
    public void release(Deployment deployment) {
        currentRelease = deployment;
    }

    /** Forgets the current release, so that the app's deployments can be removed before the app. */
    public void forgetRelease() {
        currentRelease = null;
    }
}
