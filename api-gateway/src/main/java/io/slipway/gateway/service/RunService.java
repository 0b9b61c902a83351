package io.slipway.gateway.service;

import io.slipway.contract.RunOrder;
import io.slipway.contract.RunStatus;
import io.slipway.gateway.CommandNotSentException;
import io.slipway.gateway.InvalidCursorException;
import io.slipway.gateway.Page;
import io.slipway.gateway.PageRequest;
import io.slipway.gateway.RunRequest;
import io.slipway.gateway.RunRequestCheck;
import io.slipway.gateway.RunView;
import io.slipway.gateway.StateConflictException;
import io.slipway.gateway.mapping.RunMapper;
import io.slipway.gateway.messaging.EngineCommands;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.Run;
import io.slipway.gateway.repository.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates one-off runs of an app's current release and asks the engine to run or cancel them; the engine's events
 * end them ({@link RunEventStore}). A run is stored {@code QUEUED} first and sent after the commit, so its first event
 * always finds it. Runs never enter the app's deployment lane. Methods answer empty when the app or run they name does
 * not exist.
 */
@ApplicationScoped
public class RunService {

    private final AppRepository apps;
    private final RunRepository runs;
    private final EngineCommands engine;

    public RunService(AppRepository apps, RunRepository runs, EngineCommands engine) {
        this.apps = apps;
        this.runs = runs;
        this.engine = engine;
    }

    /**
     * Runs the request's command in a new container of the app's current release.
     *
     * @param trigger {@link Run#API_TRIGGER}, or {@code cron:<id>} for a schedule's run
     * @throws io.slipway.gateway.BadRunRequestException when the request is out of bounds
     * @throws StateConflictException when the app has no current release
     */
    public Optional<RunView> start(String app, RunRequest request, String trigger) {
        RunRequestCheck.check(request);
        Optional<Queued> queued = store(UUID.randomUUID().toString(), app, request, trigger);
        queued.ifPresent(run -> send(run.order()));
        return queued.map(Queued::view);
    }

    /** A stored run, and the order that asks the engine to run it. */
    record Queued(RunView view, RunOrder order) {}

    @Transactional
    Optional<Queued> store(String id, String appName, RunRequest request, String trigger) {
        return apps.findByIdOptional(appName).map(app -> {
            Deployment release = app.currentRelease()
                    .filter(current -> current.releaseImage().isPresent())
                    .orElseThrow(() -> new StateConflictException(
                            "app " + appName + " has no current release to run a command in: deploy it first"));
            Run run = new Run(id, appName, request.command(), release.id(), trigger, Instant.now());
            runs.persist(run);
            return new Queued(RunMapper.toView(run), orderFor(run, app, release, request));
        });
    }

    /** The app's config and task limits as they are now, the request's variables over the config. */
    private static RunOrder orderFor(Run run, App app, Deployment release, RunRequest request) {
        Map<String, String> env = new HashMap<>(app.config());
        env.putAll(request.variables());
        Optional<Duration> timeout = Optional.ofNullable(request.timeoutSeconds())
                .map(Duration::ofSeconds)
                .or(app::taskTimeout);
        String procfile = release.manifests().map(files -> files.procfile()).orElse(null);
        return new RunOrder(
                run.id(),
                app.name(),
                release.releaseImage().orElseThrow(),
                run.command(),
                procfile,
                env,
                timeout,
                app.limits().task(),
                Optional.empty(),
                request.isInteractive());
    }

    private void send(RunOrder order) {
        try {
            engine.startRun(order);
        } catch (CommandNotSentException e) {
            ended(order.runId(), RunStatus.FAILED, "not queued: " + e.getMessage());
            throw e;
        }
    }

    @Transactional
    void ended(String id, RunStatus status, String why) {
        runs.findByIdOptional(id).ifPresent(run -> run.finish(status, null, why, Instant.now()));
    }

    @Transactional
    public Optional<RunView> find(String id) {
        return runs.findByIdOptional(id).map(RunMapper::toView);
    }

    /**
     * The app's runs, newest first; empty when the app does not exist.
     *
     * @throws InvalidCursorException when the page's cursor is no run of the app
     */
    @Transactional
    public Optional<Page<RunView>> ofApp(String app, PageRequest request) {
        return apps.findByIdOptional(app).map(found -> {
            Optional<Run> after = request.before()
                    .map(id -> runs.findByIdOptional(id)
                            .filter(run -> run.app().equals(app))
                            .orElseThrow(() -> new InvalidCursorException(id)));
            return Page.of(runs.ofApp(app, after, request.limitWithOneMore()), request, Run::id)
                    .map(RunMapper::toView);
        });
    }

    /** Asks the engine to kill a queued or running run; it reports {@code CANCELLED} when it has. */
    public Optional<RunView> cancel(String id) {
        Optional<RunView> found = find(id);
        found.ifPresent(run -> {
            if (run.status().isFinal()) {
                throw new StateConflictException("run " + id + " has ended (" + run.status() + "): nothing to cancel");
            }
            engine.cancelRun(run.app(), id);
        });
        return found;
    }
}
