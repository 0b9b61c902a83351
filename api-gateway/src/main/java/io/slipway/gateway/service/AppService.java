package io.slipway.gateway.service;

import io.slipway.contract.AppLimits;
import io.slipway.contract.Channels;
import io.slipway.gateway.AppSettings;
import io.slipway.gateway.AppView;
import io.slipway.gateway.InvalidCursorException;
import io.slipway.gateway.InvalidRequestException;
import io.slipway.gateway.Page;
import io.slipway.gateway.PageRequest;
import io.slipway.gateway.StateConflictException;
import io.slipway.gateway.config.AppUrls;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.mapping.AppMapper;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Apps and their settings (task timeout, limits), which take effect at the app's next deployment; their config
 * variables are {@link AppConfigService}'s, their formation {@link FormationService}'s. Methods answer empty when the
 * app does not exist.
 */
@ApplicationScoped
public class AppService {

    /** A DNS label: the name ends up in container names and image references. */
    private static final Pattern APP_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final AppRepository apps;
    private final DeploymentRepository deployments;
    private final StoredProcesses processes;
    private final StoredAppList storedList;
    private final AppUrls urls;
    private final boolean remote;
    private final String defaultPool;

    public AppService(
            AppRepository apps,
            DeploymentRepository deployments,
            StoredProcesses processes,
            AppUrls urls,
            StoredAppList storedList,
            GatewayConfig config) {
        this.storedList = storedList;
        this.remote = config.engine().isRemote();
        this.defaultPool = config.defaultPool();
        this.urls = urls;
        this.apps = apps;
        this.deployments = deployments;
        this.processes = processes;
    }

    /**
     * @param pool the pool of engine workers that runs its deployments; null for the default pool. An embedded
     *     engine has one pool, {@code default}.
     */
    @Transactional
    public AppView create(String name, String pool) {
        if (name == null || !APP_NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name: an app name is a DNS label: lower-case letters, digits and '-',"
                    + " at most 63, starting and ending with a letter or digit");
        }
        String chosen = pool == null ? (remote ? defaultPool : Channels.DEFAULT_POOL) : pool;
        if (!APP_NAME.matcher(chosen).matches()) {
            throw new InvalidRequestException("pool: a pool name is a DNS label: lower-case letters, digits and '-',"
                    + " at most 63, starting and ending with a letter or digit");
        }
        if (!remote && !chosen.equals(Channels.DEFAULT_POOL)) {
            throw new InvalidRequestException("pool: the engine is embedded, and its one pool is "
                    + Channels.DEFAULT_POOL + " (other pools are engine workers: SLIPWAY_ENGINE=remote)");
        }
        Optional<App> taken = apps.findIncludingRemoved(name);
        if (taken.isPresent()) {
            throw new StateConflictException("an app named " + name
                    + (taken.get().isBeingRemoved()
                            ? " is being deleted; its name is free once that is done"
                            : " exists already"));
        }
        App app = new App(name, chosen, Instant.now());
        apps.persist(app);
        return AppMapper.toView(app, Optional.empty(), urls.of(name));
    }

    /** What the app list is made of now: the apps as stored and their processes as last reported. */
    public ListSource listSource() {
        return new ListSource(storedList.get(this::stored), processes.current());
    }

    /**
     * A page of the apps whose names {@code visible} lets through, newest first, each with its process containers as
     * its pool's engine reported them. The page is cut from the kept list, so paging costs no query.
     *
     * @throws InvalidCursorException when the page's cursor is no app of the list
     */
    public Page<AppView> list(ListSource source, PageRequest request, Predicate<String> visible) {
        Page<AppView> stored = Page.slice(
                source.stored.stream().filter(app -> visible.test(app.name())).toList(), request, AppView::name);
        StoredProcesses.Listing running = source.running;
        return stored.map(app -> app.withProcesses(
                running.of(app.name()), running.engineError(app.pool()).orElse(null)));
    }

    /** The stored app list and the processes' listing one app list is made of. */
    public static final class ListSource {

        private final List<AppView> stored;
        private final StoredProcesses.Listing running;

        private ListSource(List<AppView> stored, StoredProcesses.Listing running) {
            this.stored = stored;
            this.running = running;
        }

        /** Whether a list made of this shows what one made of {@code other} showed, page for page. */
        public boolean showsAs(ListSource other) {
            return stored == other.stored && running.showsAs(other.running);
        }
    }

    @Transactional
    List<AppView> stored() {
        Map<String, Deployment> latest = deployments.latestByApp();
        return apps.listNewestFirst().stream()
                .map(app -> AppMapper.toView(app, Optional.ofNullable(latest.get(app.name())), urls.of(app.name())))
                .toList();
    }

    public Optional<AppView> find(String name) {
        return stored(name).map(app -> {
            StoredProcesses.Listing running = processes.current();
            return app.withProcesses(
                    running.of(name), running.engineError(app.pool()).orElse(null));
        });
    }

    @Transactional
    Optional<AppView> stored(String name) {
        return apps.findByIdOptional(name)
                .map(app -> AppMapper.toView(
                        app, deployments.ofApp(name, 1).stream().findFirst(), urls.of(name)));
    }

    /**
     * Changes the app's settings; a {@code taskTimeoutSeconds} of {@code null} returns the app to
     * the engine's default. Takes effect at the next deployment.
     */
    public Optional<AppView> changeSettings(String name, AppSettings settings, Set<String> given) {
        if (settings == null) {
            throw new InvalidRequestException(
                    "a JSON object of settings is required, e.g. {\"taskTimeoutSeconds\": 120}");
        }
        AppLimits limits =
                settings.limits() == null ? AppLimits.NONE : settings.limits().toEngine();
        // As the embedded engine reported itself. In remote mode a pool's workers may differ: one whose engine
        // cannot enforce them fails the deployment.
        Optional<String> refusing =
                remote || limits.isNone() ? Optional.empty() : processes.engineWithoutLimits(Channels.DEFAULT_POOL);
        if (refusing.isPresent()) {
            throw new InvalidRequestException("limits: the engine cannot enforce memory or CPU limits ("
                    + refusing.get()
                    + " reports no memory and cpu cgroup controllers, as rootless Podman on cgroup v1 does);"
                    + " they are refused rather than ignored");
        }
        changeSettings(
                name,
                given.contains("taskTimeoutSeconds") ? Optional.of(settings.taskTimeout()) : Optional.empty(),
                given.contains("limits") ? Optional.of(limits) : Optional.empty(),
                given.contains("network") ? Optional.of(settings.sharedNetwork()) : Optional.empty());
        return find(name);
    }

    /** Only what the request named changes. */
    @Transactional
    void changeSettings(
            String name,
            Optional<Optional<Duration>> timeout,
            Optional<AppLimits> limits,
            Optional<Optional<String>> network) {
        apps.findByIdOptional(name).ifPresent(app -> {
            timeout.ifPresent(app::changeTaskTimeout);
            limits.ifPresent(app::changeLimits);
            network.ifPresent(app::joinNetwork);
        });
    }
}
