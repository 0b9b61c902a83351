package io.slipway.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses an app's {@code app.json} and {@code Procfile}. Each method takes a file's bytes, {@code null}
 * meaning the file is absent. Immutable and safe to share between threads.
 */
public final class ManifestParser {

    /** Either file may be at most 1 MiB. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    private final ProcessLimit processLimit;

    /** A parser with {@link ProcessLimit#DEFAULT}. */
    public ManifestParser() {
        this(ProcessLimit.DEFAULT);
    }

    /** @param processLimit a {@code formation} quantity above it is an error */
    public ManifestParser(ProcessLimit processLimit) {
        this.processLimit = Objects.requireNonNull(processLimit, "processLimit");
    }

    /** The limit this parser holds app.json's {@code formation} to. */
    public ProcessLimit processLimit() {
        return processLimit;
    }

    /** Both files, all the problems of both reported together. */
    public ParsedManifests parse(byte[] appJson, byte[] procfile) throws ManifestException {
        ProblemCollector appJsonProblems = new ProblemCollector(ManifestProblem.APP_JSON);
        ProblemCollector procfileProblems = new ProblemCollector(ManifestProblem.PROCFILE);
        AppJson app = readAppJson(appJson, appJsonProblems);
        Optional<Procfile> processes =
                Optional.ofNullable(procfile).map(bytes -> readProcfile(bytes, procfileProblems));
        List<ManifestProblem> errors = new ArrayList<>(appJsonProblems.errors());
        errors.addAll(procfileProblems.errors());
        if (!errors.isEmpty()) {
            throw new ManifestException(errors);
        }
        return new ParsedManifests(app, processes, app.warnings());
    }

    /** A missing, empty or white-space-only file means {@code {}}; warnings are in {@link AppJson#warnings()}. */
    public AppJson parseAppJson(byte[] appJson) throws ManifestException {
        ProblemCollector problems = new ProblemCollector(ManifestProblem.APP_JSON);
        AppJson app = readAppJson(appJson, problems);
        throwIfErrors(problems);
        return app;
    }

    /** A missing file is {@link Procfile#absent()}; an empty one is an error, as it has no entries. */
    public Procfile parseProcfile(byte[] procfile) throws ManifestException {
        if (procfile == null) {
            return Procfile.absent();
        }
        ProblemCollector problems = new ProblemCollector(ManifestProblem.PROCFILE);
        Procfile parsed = readProcfile(procfile, problems);
        throwIfErrors(problems);
        return parsed;
    }

    private AppJson readAppJson(byte[] bytes, ProblemCollector problems) {
        if (bytes == null) {
            return AppJson.empty();
        }
        return ManifestText.decode(bytes, problems)
                .map(text -> AppJsonReader.read(text, problems, processLimit))
                .orElseGet(AppJson::empty);
    }

    private static Procfile readProcfile(byte[] bytes, ProblemCollector problems) {
        return ManifestText.decode(bytes, problems)
                .map(text -> ProcfileReader.read(text, problems))
                .orElseGet(Procfile::absent);
    }

    private static void throwIfErrors(ProblemCollector problems) throws ManifestException {
        if (problems.hasErrors()) {
            throw new ManifestException(problems.errors());
        }
    }
}
