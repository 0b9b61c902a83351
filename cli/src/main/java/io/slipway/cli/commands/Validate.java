package io.slipway.cli.commands;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.slipway.cli.Session;
import io.slipway.cli.config.UsageProblem;
import io.slipway.manifest.DeploymentTasks;
import io.slipway.manifest.ManifestException;
import io.slipway.manifest.ManifestParser;
import io.slipway.manifest.ManifestProblem;
import io.slipway.manifest.ParsedManifests;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "validate",
        description = "Check DIR's app.json and Procfile offline, with the gateway's rules: each problem with its file,"
                + " line, column and JSON path")
public class Validate implements Callable<Integer> {

    @Inject
    Session session;

    @Parameters(paramLabel = "DIR", defaultValue = ".", description = "The app's directory (default: this one)")
    Path dir;

    /** What --json prints; ManifestProblem too, since Jackson reads both by reflection in a native image. */
    @RegisterForReflection(targets = {Report.class, ManifestProblem.class})
    record Report(List<ManifestProblem> errors, List<ManifestProblem> warnings, Map<String, String> processes) {}

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UsageProblem("not a directory: " + dir);
        }
        try {
            ParsedManifests parsed =
                    new ManifestParser().parse(read(dir.resolve("app.json")), read(dir.resolve("Procfile")));
            printValid(parsed);
            return 0;
        } catch (ManifestException invalid) {
            if (session.jsonOutput()) {
                session.out()
                        .println(session.json().writeValueAsString(new Report(invalid.problems(), List.of(), null)));
            } else {
                invalid.problems().forEach(problem -> session.err().println(problem.describe()));
            }
            return 1;
        }
    }

    private void printValid(ParsedManifests parsed) throws IOException {
        if (session.jsonOutput()) {
            session.out()
                    .println(session.json()
                            .writeValueAsString(new Report(List.of(), parsed.warnings(), parsed.processes())));
            return;
        }
        parsed.warnings().forEach(warning -> session.err().println("warning: " + warning.describe()));
        DeploymentTasks tasks = parsed.tasks();
        session.out().println("valid");
        tasks.predeploy().ifPresent(command -> session.out().println("predeploy: " + command));
        tasks.release().ifPresent(command -> session.out().println("release: " + command));
        tasks.postdeploy().ifPresent(command -> session.out().println("postdeploy: " + command));
        parsed.processes().forEach((type, command) -> session.out().println(type + ": " + command));
    }

    /** The file's bytes, null when absent; one byte past the parser's limit is enough for its size error. */
    private static byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ManifestParser.MAX_FILE_BYTES + 1);
        }
    }
}
