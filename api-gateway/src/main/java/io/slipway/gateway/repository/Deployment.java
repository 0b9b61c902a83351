package io.slipway.gateway.repository;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.PhaseName;
import io.slipway.contract.PhaseStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A deployment as the gateway knows it: what was asked for, and what the engine has reported since.
 * Its status moves only as {@link DeploymentStatus#canMoveTo} allows; once final, it changes no more.
 */
@Entity
@Table(name = "deployment")
public class Deployment {

    /** The reason of a deployment that a restart of the gateway cut short. */
    public static final String INTERRUPTED = DeploymentEvent.Finished.INTERRUPTED;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "app_name", length = 63, nullable = false)
    private String app;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private DeploymentKind kind;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private DeploymentStatus status;

    @Column(length = 1024)
    private String image;

    @Column(name = "app_json_path", length = 1024)
    private String appJsonPath;

    @Column(name = "procfile_path", length = 1024)
    private String procfilePath;

    @Column(name = "task_timeout_seconds")
    private Long taskTimeoutSeconds;

    @Embedded
    private StoredManifests manifests = StoredManifests.NONE;

    @Column(name = "release_image", length = 1024)
    private String releaseImage;

    @Column(length = 4096)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "last_event_seq", nullable = false)
    private long lastEventSeq;

    /** The engine worker that claimed it, in remote mode; it runs it and no other does. */
    @Column(name = "worker_id", length = WorkerRecord.MAX_ID_LENGTH)
    private String workerId;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    /** Null until the engine reported a retirement (Hibernate reads all-null columns so); never set on a read. */
    @Embedded
    private StoredRetirement retirement;

    /** Who asked for it: a token's name; null for deployments stored before tokens had names. */
    @Column(length = 100)
    private String actor;

    @OneToMany(mappedBy = "deployment", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<DeploymentPhase> phases = new ArrayList<>();

    protected Deployment() {}

    /** A new deployment, {@code QUEUED}, with every phase {@code PENDING}. */
    public Deployment(
            String id,
            String app,
            DeploymentKind kind,
            String image,
            Optional<String> appJsonPath,
            Optional<String> procfilePath,
            Optional<Duration> taskTimeout,
            Instant createdAt) {
        this.id = id;
        this.app = app;
        this.kind = kind;
        this.status = DeploymentStatus.QUEUED;
        this.image = image;
        this.appJsonPath = appJsonPath.orElse(null);
        this.procfilePath = procfilePath.orElse(null);
        this.taskTimeoutSeconds = taskTimeout.map(Duration::toSeconds).orElse(null);
        this.createdAt = StoredTime.of(createdAt);
        for (PhaseName phase : PhaseName.values()) {
            phases.add(new DeploymentPhase(this, phase));
        }
    }

    public String id() {
        return id;
    }

    public Optional<String> actor() {
        return Optional.ofNullable(actor);
    }

    /** Names who asked for it, once, as it is stored. */
    public Deployment askedBy(String actor) {
        this.actor = actor;
        return this;
    }

    public String app() {
        return app;
    }

    public DeploymentKind kind() {
        return kind;
    }

    public DeploymentStatus status() {
        return status;
    }

    public boolean isActive() {
        return !status.isFinal();
    }

    /** What was asked for; for a build context, the built image once the build succeeded. */
    public Optional<String> image() {
        return kind == DeploymentKind.BUILD_CONTEXT ? manifests.image() : Optional.ofNullable(image);
    }

    /** The image the phases start from, as far as it is known: what a retry deploys again. */
    public Optional<String> sourceImage() {
        return manifests.image().or(this::image);
    }

    public Optional<String> releaseImage() {
        return Optional.ofNullable(releaseImage);
    }

    public Optional<String> appJsonPath() {
        return Optional.ofNullable(appJsonPath);
    }

    public Optional<String> procfilePath() {
        return Optional.ofNullable(procfilePath);
    }

    public Optional<Duration> taskTimeout() {
        return Optional.ofNullable(taskTimeoutSeconds).map(Duration::ofSeconds);
    }

    /** The manifests the engine used, once it reported them. */
    public Optional<ManifestFiles> manifests() {
        return manifests.files();
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    /** In the order they run. */
    public List<DeploymentPhase> phases() {
        return phases.stream()
                .sorted(Comparator.comparing(DeploymentPhase::phase))
                .toList();
    }

    /** The seq of the last event applied, 0 before the first. */
    public long lastEventSeq() {
        return lastEventSeq;
    }

    /**
     * Whether an event with this seq is new, remembering it if so. A redelivered event repeats a seq, and a final
     * deployment takes no more events but those of its pending retirement (log lines, {@code Retired}).
     */
    public boolean takeEvent(long seq) {
        if (seq <= lastEventSeq || (status.isFinal() && !retirementPending())) {
            return false;
        }
        lastEventSeq = seq;
        return true;
    }

    /** The retirement of the containers its release replaced, as reported; reading it changes nothing (see there). */
    public StoredRetirement retirement() {
        return retirement == null ? StoredRetirement.NONE : retirement;
    }

    /** The engine reported that {@code containers} its release replaced are retired at {@code due}. */
    public void retirementDue(List<String> containers, Instant due) {
        retirement = StoredRetirement.dueAt(containers, due);
    }

    /** The engine reported the containers its release replaced retired. */
    public void retired(Instant at) {
        retirement = retirement().retired(at);
    }

    /** It succeeded, and the containers its release replaced are due for retirement and not retired yet. */
    public boolean retirementPending() {
        return status == DeploymentStatus.SUCCEEDED && retirement().isPending();
    }

    /** The worker that claimed it; empty before a claim (and always with the embedded engine). */
    public Optional<String> workerId() {
        return Optional.ofNullable(workerId);
    }

    public Optional<Instant> claimedAt() {
        return Optional.ofNullable(claimedAt);
    }

    /** It is {@code worker}'s to run; the caller has checked that nobody claimed it before. */
    public void claimBy(String worker, Instant at) {
        workerId = worker;
        claimedAt = StoredTime.of(at);
    }

    public void start(Instant at) {
        if (status.canMoveTo(DeploymentStatus.RUNNING)) {
            status = DeploymentStatus.RUNNING;
            startedAt = StoredTime.of(at);
        }
    }

    public void resolveManifests(String image, ManifestFiles files) {
        manifests = new StoredManifests(image, files);
    }

    public void changePhase(
            PhaseName phase, PhaseStatus next, String command, Integer exitCode, String why, Instant at) {
        phases.stream()
                .filter(row -> row.phase() == phase)
                .forEach(row -> row.change(next, command, exitCode, why, at));
    }

    /** @return whether the deployment moved to {@code next} (a final status is never left) */
    public boolean finish(DeploymentStatus next, String why, String release, Instant at) {
        if (!status.canMoveTo(next)) {
            return false;
        }
        status = next;
        reason = why;
        releaseImage = release;
        finishedAt = StoredTime.of(at);
        phases.forEach(row -> row.close(why == null ? "not reached" : why, at));
        return true;
    }

    /** The process that ran it is gone, and with it the engine's queue: it will never finish by itself. */
    public void interrupt(Instant at) {
        finish(DeploymentStatus.FAILED, INTERRUPTED, null, at);
    }
}
