package io.slipway.gateway.cron;

import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.gateway.CronEntryView;
import io.slipway.gateway.RunView;
import io.slipway.gateway.StateConflictException;
import io.slipway.gateway.mapping.RunMapper;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.CronEntryRecord;
import io.slipway.gateway.repository.CronEntryRepository;
import io.slipway.gateway.repository.CronFiringRepository;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.Run;
import io.slipway.gateway.repository.RunRepository;
import io.slipway.gateway.service.RunService;
import io.slipway.manifest.CronEntry;
import io.slipway.manifest.ManifestException;
import io.slipway.manifest.ManifestParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * An app's app.json cron entries: a successful release replaces them with its own, keeping the suspension of the
 * entries it declares again; operators list them, suspend, resume and run them now. Methods answer empty when the
 * app or entry they name does not exist.
 */
@ApplicationScoped
public class CronEntries {

    private static final Logger LOG = Logger.getLogger(CronEntries.class);

    private final AppRepository apps;
    private final CronEntryRepository entries;
    private final CronFiringRepository firings;
    private final RunRepository runs;
    private final RunService runService;
    private final ManifestParser parser;

    public CronEntries(
            AppRepository apps,
            CronEntryRepository entries,
            CronFiringRepository firings,
            RunRepository runs,
            RunService runService,
            ManifestParser parser) {
        this.apps = apps;
        this.entries = entries;
        this.firings = firings;
        this.runs = runs;
        this.runService = runService;
        this.parser = parser;
    }

    /**
     * The app's entries become those of the app.json its new release was deployed with. Called in the transaction
     * that stores the release's successful end, so that the entries change with the release or not at all.
     */
    public void released(Deployment release) {
        Optional<List<CronEntry>> declared = release.manifests().flatMap(this::cronOf);
        if (declared.isEmpty()) {
            return;
        }
        Map<String, CronEntryRecord> kept = entries.ofApp(release.app()).stream()
                .collect(Collectors.toMap(
                        CronEntryRecord::entryId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<CronEntry> now = declared.get();
        for (int position = 0; position < now.size(); position++) {
            CronEntry entry = now.get(position);
            CronEntryRecord known = kept.remove(entry.id());
            if (known == null) {
                entries.persist(new CronEntryRecord(release.app(), entry, position, release.id()));
            } else {
                known.redeclare(entry, position, release.id());
            }
        }
        kept.values().forEach(entries::delete);
    }

    /** Empty when the engine never reported the manifests, or they no longer parse: the entries then stay. */
    private Optional<List<CronEntry>> cronOf(ManifestFiles manifests) {
        String appJson = manifests.appJson();
        try {
            return Optional.of(parser.parseAppJson(appJson == null ? null : appJson.getBytes(StandardCharsets.UTF_8))
                    .cron());
        } catch (ManifestException e) {
            // The release was deployed with it, so it parsed then; a parser grown stricter since drops nothing.
            LOG.warnf("The app.json of a new release no longer parses; its app's cron entries stay as they were");
            return Optional.empty();
        }
    }

    @Transactional
    public Optional<List<CronEntryView>> ofApp(String app, Instant now) {
        return apps.findByIdOptional(app)
                .map(found -> entries.ofApp(app).stream()
                        .map(entry -> view(entry, now))
                        .toList());
    }

    /** Dokku's {@code cron:suspend} and {@code cron:resume}; a suspended entry fires no more until resumed. */
    @Transactional
    public Optional<CronEntryView> suspend(String app, String id, boolean suspended, Instant now) {
        return apps.findByIdOptional(app)
                .flatMap(found -> entries.find(app, id))
                .map(entry -> {
                    entry.suspended(suspended);
                    return view(entry, now);
                });
    }

    /**
     * Runs the entry's command now, as its firing would, whatever its schedule, suspension and concurrency policy.
     *
     * @throws StateConflictException when the app has no current release
     */
    public Optional<RunView> runNow(String app, String id) {
        return command(app, id)
                .flatMap(command -> runService.start(app, CronFirings.requestOf(command), Run.cronTrigger(id)));
    }

    @Transactional
    Optional<String> command(String app, String id) {
        Optional<App> found = apps.findByIdOptional(app);
        if (found.isPresent() && found.get().currentRelease().isEmpty()) {
            throw new StateConflictException(
                    "app " + app + " has no current release to run a command in: deploy it first");
        }
        return found.flatMap(known -> entries.find(app, id)).map(CronEntryRecord::command);
    }

    /** The app's entries and firings; part of deleting the app. */
    @Transactional
    public void forgetApp(String app) {
        entries.deleteOfApp(app);
        firings.deleteOfApp(app);
    }

    private CronEntryView view(CronEntryRecord entry, Instant now) {
        return new CronEntryView(
                entry.entryId(),
                entry.command(),
                entry.schedule().text(),
                entry.concurrencyPolicy().id(),
                entry.suspended(),
                entry.suspended() ? null : entry.schedule().nextRunAfter(now).orElse(null),
                runs.latestWithTrigger(entry.app(), Run.cronTrigger(entry.entryId()))
                        .map(RunMapper::toView)
                        .orElse(null));
    }
}
