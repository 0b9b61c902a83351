package io.slipway.gateway.service;

import io.slipway.contract.AppLimits;
import io.slipway.contract.Channels;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
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
import io.slipway.manifest.ManifestException;
import io.slipway.manifest.ManifestParser;
import io.slipway.manifest.ProcessLimit;
import io.slipway.manifest.ProcessTypes;
import io.slipway.manifest.Procfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Apps and their settings. Config variables and formation are stored here and take effect at the
 * app's next deployment. Config values are secrets: nothing here logs them. Methods answer empty
 * when the app does not exist.
 */
@ApplicationScoped
public class AppService {

    /** A DNS label: the name ends up in container names and image references. */
    private static final Pattern APP_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** What a shell accepts as a variable name. */
    private static final Pattern CONFIG_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final int MAX_CONFIG_NAME = App.MAX_NAME_LENGTH;
    private static final int MAX_CONFIG_VALUE = App.MAX_VALUE_LENGTH;
    /** Every variable goes into every container's environment, and into every deploy request. */
    private static final int MAX_CONFIG_VARIABLES = 500;

    private final AppRepository apps;
    private final DeploymentRepository deployments;
    private final StoredProcesses processes;
    private final StoredAppList storedList;
    private final ProcessLimit processLimit;
    private final AppUrls urls;
    private final ManifestParser parser;
    private final boolean remote;
    private final String defaultPool;

    public AppService(
            AppRepository apps,
            DeploymentRepository deployments,
            StoredProcesses processes,
            ProcessLimit processLimit,
            ManifestParser parser,
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
        this.processLimit = processLimit;
        this.parser = parser;
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

    /**
     * A page of the apps, newest first, each with its process containers as its pool's engine reported them. The page
     * is cut from the kept list, so paging costs no query.
     *
     * @throws InvalidCursorException when the page's cursor is no app of the list
     */
    public Page<AppView> list(PageRequest request) {
        Page<AppView> stored = Page.slice(storedList.get(this::stored), request, AppView::name);
        StoredProcesses.Listing running = processes.current();
        return stored.map(app -> app.withProcesses(
                running.of(app.name()), running.engineError(app.pool()).orElse(null)));
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
                given.contains("limits") ? Optional.of(limits) : Optional.empty());
        return find(name);
    }

    /** Only what the request named changes. */
    @Transactional
    void changeSettings(String name, Optional<Optional<Duration>> timeout, Optional<AppLimits> limits) {
        apps.findByIdOptional(name).ifPresent(app -> {
            timeout.ifPresent(app::changeTaskTimeout);
            limits.ifPresent(app::changeLimits);
        });
    }

    @Transactional
    public Optional<Map<String, String>> config(String name) {
        return apps.findByIdOptional(name).map(App::config);
    }

    /** Where each variable came from: {@code app.json} (its env, not changed since) or {@code operator}. */
    @Transactional
    public Optional<Map<String, String>> configSources(String name) {
        return apps.findByIdOptional(name).map(App::configSources);
    }

    /** PUT: the variables become exactly {@code variables}. */
    @Transactional
    public Optional<Map<String, String>> replaceConfig(String name, Map<String, String> variables) {
        checkConfig(variables, false);
        return apps.findByIdOptional(name).map(app -> {
            app.replaceConfig(variables);
            return app.config();
        });
    }

    /** PATCH, as a JSON merge patch: given variables are set, those given as {@code null} removed. */
    @Transactional
    public Optional<Map<String, String>> mergeConfig(String name, Map<String, String> changes) {
        checkConfig(changes, true);
        return apps.findByIdOptional(name).map(app -> {
            app.mergeConfig(changes);
            // Thrown inside the transaction, so that the merge is rolled back.
            checkConfigCount(app.config());
            return app.config();
        });
    }

    @Transactional
    public Optional<Map<String, Integer>> formation(String name) {
        return apps.findByIdOptional(name).map(App::formation);
    }

    /**
     * The scale of each process type from the next deployment on; types not named keep the default
     * (app.json's {@code formation}, else {@code web=1}). {@code release} is the release task, not a
     * process type: it can only be "scaled" to 0, which is not stored. Once the app has a current release, a
     * type its Procfile lacks is refused above 0, so that the next deployment does not fail on it after its tasks ran.
     */
    @Transactional
    public Optional<Map<String, Integer>> scale(String name, Map<String, Integer> quantities) {
        checkFormation(quantities);
        Map<String, Integer> stored = new TreeMap<>(quantities);
        stored.remove(Procfile.RELEASE);
        return apps.findByIdOptional(name).map(app -> {
            releasedProcessTypes(app)
                    .ifPresent(types -> stored.forEach((type, quantity) -> ProcessTypes.absenceProblem(
                                    type, quantity, types)
                            .ifPresent(problem -> {
                                throw new InvalidRequestException(type + ": " + problem + " of the current release");
                            })));
            app.scale(stored);
            return app.formation();
        });
    }

    /**
     * The process types of the Procfile the app's current release was deployed with, as the engine reported it;
     * empty before the first release.
     */
    private Optional<Set<String>> releasedProcessTypes(App app) {
        Optional<ManifestFiles> manifests = app.currentRelease().flatMap(Deployment::manifests);
        if (manifests.isEmpty()) {
            return Optional.empty();
        }
        String procfile = manifests.get().procfile();
        try {
            return Optional.of(parser.parseProcfile(procfile == null ? null : procfile.getBytes(StandardCharsets.UTF_8))
                    .processes()
                    .keySet());
        } catch (ManifestException e) {
            // A release ran with it, so it parsed then; should the parser have grown stricter, nothing is refused.
            return Optional.empty();
        }
    }

    private static void checkConfig(Map<String, String> variables, boolean nullRemoves) {
        if (variables == null) {
            throw new InvalidRequestException("a JSON object of variable names to values is required");
        }
        checkConfigCount(variables);
        variables.forEach((key, value) -> {
            if (!CONFIG_NAME.matcher(key).matches()) {
                throw new InvalidRequestException(
                        key + ": a variable name is letters, digits and '_', not starting with a digit");
            }
            if (key.length() > MAX_CONFIG_NAME) {
                throw new InvalidRequestException(
                        key.substring(0, 32) + "...: a variable name has at most " + MAX_CONFIG_NAME + " characters");
            }
            // No environment can hold a NUL, and the engine's refusal would quote the value.
            if (value != null && value.indexOf('\0') >= 0) {
                throw new InvalidRequestException(key + ": a value cannot contain the NUL character (\\u0000)");
            }
            if (value == null && !nullRemoves) {
                throw new InvalidRequestException(
                        key + ": a value is required (PATCH removes a variable given as null)");
            }
            if (value != null && value.length() > MAX_CONFIG_VALUE) {
                throw new InvalidRequestException(key + ": a value has at most " + MAX_CONFIG_VALUE + " characters");
            }
        });
    }

    private static void checkConfigCount(Map<String, String> variables) {
        if (variables.size() > MAX_CONFIG_VARIABLES) {
            throw new InvalidRequestException(
                    "an app has at most " + MAX_CONFIG_VARIABLES + " config variables, not " + variables.size());
        }
    }

    private void checkFormation(Map<String, Integer> quantities) {
        if (quantities == null) {
            throw new InvalidRequestException("a JSON object of process types to quantities is required");
        }
        quantities.forEach((type, quantity) -> {
            if (!ProcessTypes.isName(type)) {
                throw new InvalidRequestException(type + ": a process type is letters, digits, '_' and '-', at most "
                        + ProcessTypes.MAX_NAME_LENGTH);
            }
            if (quantity == null || quantity < 0) {
                throw new InvalidRequestException(type + ": the quantity must be 0 or more");
            }
            ProcessTypes.scaleProblem(type, quantity).ifPresent(problem -> {
                throw new InvalidRequestException(problem);
            });
            processLimit.problem(quantity).ifPresent(problem -> {
                throw new InvalidRequestException(type + ": " + problem + " (slipway.max-processes-per-type)");
            });
        });
    }
}
