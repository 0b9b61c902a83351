package io.slipway.gateway.service;

import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.gateway.InvalidRequestException;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.Deployment;
import io.slipway.manifest.ManifestException;
import io.slipway.manifest.ManifestParser;
import io.slipway.manifest.ProcessLimit;
import io.slipway.manifest.ProcessTypes;
import io.slipway.manifest.Procfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An app's formation, the scale of each process type, and the rules it follows. It is stored here and takes effect
 * at the app's next deployment. Methods answer empty when the app does not exist.
 */
@ApplicationScoped
public class FormationService {

    private final AppRepository apps;
    private final ProcessLimit processLimit;
    private final ManifestParser parser;

    public FormationService(AppRepository apps, ProcessLimit processLimit, ManifestParser parser) {
        this.apps = apps;
        this.processLimit = processLimit;
        this.parser = parser;
    }

    @Transactional
    public Optional<Map<String, Integer>> of(String name) {
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
     * What a scale that applies now stored, and whether it changes what runs.
     *
     * @param formation the app's formation afterwards
     * @param named the quantities of the types the request named (release left out)
     */
    public record Scaled(Map<String, Integer> formation, Map<String, Integer> named, boolean changes) {}

    /**
     * A scale to apply now: the named types' quantities are stored over the formation's, the others keep theirs. It
     * changes what runs when a named type's quantity differs from its stored one, or, where none is stored, from
     * the number of its containers the engine last reported ({@code running}).
     */
    @Transactional
    public Optional<Scaled> scaleNamed(String name, Map<String, Integer> quantities, Map<String, Long> running) {
        checkFormation(quantities);
        Map<String, Integer> named = new TreeMap<>(quantities);
        named.remove(Procfile.RELEASE);
        return apps.findByIdOptional(name).map(app -> {
            Map<String, Integer> before = app.formation();
            boolean changes = named.entrySet().stream()
                    .anyMatch(entry -> entry.getValue().longValue()
                            != Optional.ofNullable(before.get(entry.getKey()))
                                    .map(Integer::longValue)
                                    .orElse(running.getOrDefault(entry.getKey(), 0L)));
            Map<String, Integer> merged = new TreeMap<>(before);
            merged.putAll(named);
            scale(name, merged);
            return new Scaled(app.formation(), named, changes);
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
