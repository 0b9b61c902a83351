package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentStatus;
import io.slipway.manifest.ManifestParser;
import io.slipway.manifest.ProcessLimit;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.router.Router;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs one deployment: resolves its manifests, walks the rows of {@link Phase} in order (each is
 * skipped or its step run, and recorded; DEPLOY's steps start the processes, check them and switch the
 * app's traffic to them), then makes the new release current, ends, and has the previous release retired after its
 * end ({@link Retirements}). Any failure undoes what this deployment made, newest first, and leaves the app's running
 * release as it was.
 */
public final class DeploymentPipeline {

    private final ContainerRuntime runtime;
    private final ManifestResolver manifests;
    private final SwitchReleaseStep switchRelease = new SwitchReleaseStep();
    private final PipelineSettings settings;
    private final ProcessLimit processLimit;
    private final Clock clock;
    private final Traffic traffic;
    private final SetupMarks setupMarks;
    private final Retirements retirements;

    /** Without a router: web containers are checked at their published addresses and reached there. */
    public DeploymentPipeline(ContainerRuntime runtime, ManifestParser parser, PipelineSettings settings, Clock clock) {
        this(runtime, parser, settings, clock, new Traffic(Router.none(), new LoopbackProbe(runtime, settings.port())));
    }

    /** Without a gateway to keep the setup task's mark: the order says whether the app's setup task ran. */
    public DeploymentPipeline(
            ContainerRuntime runtime, ManifestParser parser, PipelineSettings settings, Clock clock, Traffic traffic) {
        this(runtime, parser, settings, clock, traffic, SetupMarks.FROM_ORDER);
    }

    /** Retiring on a thread of its own. */
    public DeploymentPipeline(
            ContainerRuntime runtime,
            ManifestParser parser,
            PipelineSettings settings,
            Clock clock,
            Traffic traffic,
            SetupMarks setupMarks) {
        this(
                runtime,
                parser,
                settings,
                clock,
                traffic,
                setupMarks,
                Retirements.onTheirOwnThread(runtime, settings.stopGrace(), clock));
    }

    public DeploymentPipeline(
            ContainerRuntime runtime,
            ManifestParser parser,
            PipelineSettings settings,
            Clock clock,
            Traffic traffic,
            SetupMarks setupMarks,
            Retirements retirements) {
        this.traffic = traffic;
        this.setupMarks = setupMarks;
        this.retirements = retirements;
        this.runtime = runtime;
        this.manifests = new ManifestResolver(parser);
        this.processLimit = parser.processLimit();
        this.settings = settings;
        this.clock = clock;
    }

    /** What retires the containers succeeded deployments replaced; also asked again after a restart. */
    public Retirements retirements() {
        return retirements;
    }

    /** Runs the deployment to its end and returns how it ended; every step is reported to {@code sink}. */
    public DeploymentStatus run(DeploymentOrder order, Consumer<DeploymentEvent> sink, Cancellation cancellation) {
        return run(order, recorder(order, sink), cancellation);
    }

    /** The recorder of the deployment's events, numbered from 1, for {@link #run} and whoever ends it before. */
    public EventRecorder recorder(DeploymentOrder order, Consumer<DeploymentEvent> sink) {
        return new EventRecorder(
                order.deploymentId(),
                order.app(),
                sink,
                clock,
                ConfigRedaction.of(order.config()),
                settings.maxLogLines());
    }

    /** The recorder of a deployment another process began, whose last stored event was {@code lastSeq}. */
    public EventRecorder recorderAfter(String deploymentId, String app, long lastSeq, Consumer<DeploymentEvent> sink) {
        return new EventRecorder(
                deploymentId, app, lastSeq, sink, clock, ConfigRedaction.of(Map.of()), settings.maxLogLines());
    }

    /** Runs the deployment to its end and returns how it ended; every step is reported to {@code events}. */
    public DeploymentStatus run(DeploymentOrder order, EventRecorder events, Cancellation cancellation) {
        DeploymentContext deployment = new DeploymentContext(
                order, runtime, settings, processLimit, events, cancellation, traffic, setupMarks, retirements);
        events.started();
        Phase current = null;
        try {
            manifests.resolve(deployment);
            for (Phase phase : Phase.values()) {
                current = phase;
                deployment.throwIfCancelled(phase);
                Optional<String> notPart = phase.skipReason(order.kind());
                PhaseTransition start = notPart.isPresent()
                        ? PhaseTransition.skipped(phase, notPart.get())
                        : phase.step().begin(phase, deployment);
                events.phase(start);
                if (start.isStarted()) {
                    events.phase(phase.step().run(start, deployment));
                }
            }
            current = null;
            Optional<Retirement> retirement =
                    switchRelease.run(deployment, retirements.pendingOf(order.app()), clock.instant());
            retirement.ifPresent(events::retirementDue);
            // The new release serves: the deployment is over, and the previous one goes after it.
            events.finished(DeploymentStatus.SUCCEEDED, null, deployment.releaseImage());
            retirement.ifPresent(due -> retirements.schedule(due, events));
            return DeploymentStatus.SUCCEEDED;
        } catch (PhaseFailure failure) {
            return fail(deployment, failure);
        } catch (ContainerRuntimeException e) {
            return fail(deployment, PhaseFailure.failed(current, "engine error: " + e.getMessage()));
        } catch (RuntimeException e) {
            // A bug must still end the deployment with its guarantees, and say what happened.
            return fail(deployment, PhaseFailure.failed(current, "internal error: " + e));
        }
    }

    /** Undoes, then reports the failed phase, every phase after it as not reached, and the end. */
    private static DeploymentStatus fail(DeploymentContext deployment, PhaseFailure failure) {
        deployment.undo();
        EventRecorder events = deployment.events();
        Phase failed = failure.phase();
        if (failed != null) {
            events.phase(PhaseTransition.failed(failed, failure.reason(), failure.exitCode()));
        }
        for (Phase phase : Phase.values()) {
            if (failed == null || phase.ordinal() > failed.ordinal()) {
                events.phase(PhaseTransition.skipped(phase, "not reached"));
            }
        }
        DeploymentStatus status = failure.cancelled() ? DeploymentStatus.CANCELLED : DeploymentStatus.FAILED;
        String where = failed == null ? "" : failed.id() + ": ";
        events.finished(status, failure.cancelled() ? "cancelled" : where + failure.reason(), null);
        return status;
    }
}
