package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.contract.PhaseStatus;
import io.slipway.engine.pipeline.DeploymentPlan.EnvPlan;
import io.slipway.engine.pipeline.DeploymentPlan.PhasePlan;
import io.slipway.engine.pipeline.DeploymentPlan.ProcessTypePlan;
import io.slipway.manifest.AppJsonEnv;
import io.slipway.manifest.CommandSyntaxException;
import io.slipway.manifest.ManifestException;
import io.slipway.manifest.ManifestParser;
import io.slipway.manifest.ParsedManifests;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ImageDetails;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Works out what a deployment would do without running it: a dry run. It reads the manifests where the deployment
 * would (out of a created, never started, container of the image, or from the build context), and asks the same
 * rules the pipeline runs by: the phase table, {@link CommandLine}, {@link ProcessPlan} and {@link AppJsonEnv}. It
 * starts no container and builds nothing, so a build context's image is unknown to it.
 */
public final class DeploymentPlanner {

    static final String BUILD_UNKNOWN = "the image is built when deploying, never in a dry run: whether it has an"
            + " ENTRYPOINT, and so how each command would be passed, is known only after the build";

    /**
     * Stands in for a build context's image, which would be built first: only so that the formation can be checked,
     * never to say what a container runs.
     */
    private static final ImageDetails NOT_BUILT_YET =
            new ImageDetails("", List.of(), List.of("the built image's own command"), "", List.of(), "", Set.of());

    private final ContainerRuntime runtime;
    private final ManifestParser parser;
    private final List<String> shell;

    /** The image to deploy is not on the engine (no registry is consulted): the dry run's caller gave a wrong one. */
    public static final class ImageAbsentException extends RuntimeException {

        ImageAbsentException(String image) {
            super("image not found: " + image);
        }
    }

    /** @param shell the shell prefix tasks run under in images without an entrypoint, as the pipeline's */
    public DeploymentPlanner(ContainerRuntime runtime, ManifestParser parser, List<String> shell) {
        this.runtime = runtime;
        this.parser = parser;
        this.shell = List.copyOf(shell);
    }

    /**
     * @param order the order the deployment would be; its id is not used
     * @throws ImageAbsentException when the image to deploy is absent
     * @throws ManifestException when a manifest is invalid, with every problem
     */
    public DeploymentPlan plan(DeploymentOrder order) throws ManifestException {
        Optional<ImageDetails> image = Optional.ofNullable(order.image())
                .map(reference ->
                        runtime.inspectImage(reference).orElseThrow(() -> new ImageAbsentException(reference)));
        ParsedManifests manifests = parse(read(order, image));
        List<String> warnings = new ArrayList<>();
        manifests.warnings().forEach(warning -> warnings.add(ManifestResolver.describe(warning)));
        if (image.isEmpty()) {
            warnings.add(BUILD_UNKNOWN);
        }
        List<String> errors = new ArrayList<>();
        AppJsonEnv.Resolution env = AppJsonEnv.resolve(manifests.appJson().env(), order.config(), () -> "");
        env.ignored().forEach(name -> warnings.add("app.json env " + name + ": not a variable name; ignored"));
        if (!env.missing().isEmpty()) {
            errors.add(ManifestResolver.missingEnv(env.missing()));
        }
        List<PhasePlan> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            phases.add(phase(phase, order, manifests, image, errors));
        }
        return new DeploymentPlan(
                order.app(),
                order.kind(),
                order.image(),
                phases,
                processes(order, manifests, image, errors),
                manifests.appJson().healthchecks(),
                new EnvPlan(
                        env.added().keySet().stream()
                                .filter(name -> !env.generated().contains(name))
                                .toList(),
                        env.generated().stream().sorted().toList(),
                        env.missing()),
                warnings,
                errors);
    }

    private PhasePlan phase(
            Phase phase,
            DeploymentOrder order,
            ParsedManifests manifests,
            Optional<ImageDetails> image,
            List<String> errors) {
        Optional<String> skip = phase.skipReason(order.kind());
        if (skip.isPresent()) {
            return new PhasePlan(phase, PhaseStatus.SKIPPED, skip.get(), null, null, null);
        }
        Optional<TaskStep> task = phase.task();
        if (task.isEmpty()) {
            return new PhasePlan(phase, PhaseStatus.PENDING, null, null, null, null);
        }
        Optional<String> command = task.get().command(manifests.tasks());
        if (command.isEmpty()) {
            return new PhasePlan(phase, PhaseStatus.SKIPPED, task.get().noCommand(), null, null, null);
        }
        Optional<String> ran = task.get().ranAlready(order);
        if (ran.isPresent()) {
            return new PhasePlan(
                    phase,
                    PhaseStatus.SKIPPED,
                    ran.get(),
                    command.get(),
                    null,
                    task.get().changes());
        }
        return new PhasePlan(
                phase,
                PhaseStatus.PENDING,
                null,
                command.get(),
                image.flatMap(details -> containerCmd(phase.id(), command.get(), details, errors))
                        .orElse(null),
                task.get().changes());
    }

    private List<ProcessTypePlan> processes(
            DeploymentOrder order, ParsedManifests manifests, Optional<ImageDetails> image, List<String> errors) {
        List<ProcessPlan.Process> containers;
        try {
            containers = ProcessPlan.resolve(
                    order.formation(), manifests, image.orElse(NOT_BUILT_YET), parser.processLimit());
        } catch (IllegalArgumentException e) {
            errors.add(Phase.DEPLOY.id() + ": " + e.getMessage());
            return List.of();
        }
        List<ProcessTypePlan> types = new ArrayList<>();
        for (ProcessPlan.Process container : containers) {
            if (container.index() > 1) {
                continue;
            }
            long quantity = containers.stream()
                    .filter(other -> other.type().equals(container.type()))
                    .count();
            List<String> runs = image.flatMap(details -> container.command().isPresent()
                            ? containerCmd(container.type(), container.command().get(), details, errors)
                            : Optional.of(ownCommand(details)))
                    .orElse(null);
            types.add(new ProcessTypePlan(
                    container.type(), (int) quantity, container.command().orElse(null), runs));
        }
        return types;
    }

    private Optional<List<String>> containerCmd(String where, String command, ImageDetails image, List<String> errors) {
        try {
            return Optional.of(CommandLine.containerCmd(command, image, shell));
        } catch (CommandSyntaxException e) {
            errors.add(where + ": cannot split the command into words: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** What a container without a command of its own runs: the image's Entrypoint, then its Cmd. */
    private static List<String> ownCommand(ImageDetails image) {
        List<String> own = new ArrayList<>(image.entrypoint());
        own.addAll(image.cmd());
        return own;
    }

    private ManifestFiles read(DeploymentOrder order, Optional<ImageDetails> image) {
        try {
            return new ManifestFilesReader(runtime).forOrder(order, image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build context: " + e.getMessage(), e);
        }
    }

    private ParsedManifests parse(ManifestFiles files) throws ManifestException {
        return parser.parse(ManifestResolver.bytes(files.appJson()), ManifestResolver.bytes(files.procfile()));
    }
}
