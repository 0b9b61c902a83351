package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentStatus;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ImageDetails;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settles a deployment whose process died before it could report its end, from what the engine
 * shows. The switch to a new release is the moment {@code slipway/<app>:current} is retagged: if the
 * deployment's process containers run the image that tag points at, the switch happened and the
 * deployment succeeded (the previous release's containers are then retired, as the switch would
 * have); otherwise it failed, and whatever it left (containers, its release image) is removed. Either
 * way the recorded current release ends up the one that runs.
 *
 * <p>Only for deployments that no live process is running: the caller knows that (a restarted
 * embedded engine had every lane in its own memory).
 */
public final class InterruptedDeploymentRecovery {

    /** The reason of a deployment that could not have finished. */
    public static final String INTERRUPTED = DeploymentEvent.Finished.INTERRUPTED;

    /** The reason of a deployment whose switch had happened when its process died. */
    public static final String RECOVERED = "recovered after a restart: its release was already running";

    private final ContainerRuntime runtime;
    private final ContainerRemoval removal;

    public InterruptedDeploymentRecovery(ContainerRuntime runtime, Duration stopGrace) {
        this.runtime = runtime;
        this.removal = new ContainerRemoval(runtime, stopGrace);
    }

    /** How an interrupted deployment ended; {@code releaseImage} is set when it succeeded. */
    public record Outcome(DeploymentStatus status, String reason, String releaseImage, List<String> problems) {}

    public Outcome recover(String app, String deploymentId) {
        List<String> problems = new ArrayList<>();
        Map<String, String> ofDeployment = new HashMap<>(ContainerLabels.allOf(app));
        ofDeployment.put(ContainerLabels.DEPLOYMENT, deploymentId);
        List<ContainerInfo> ours = runtime.listContainers(ofDeployment);
        Optional<String> current = imageId(AppImages.current(app));
        List<ContainerInfo> ourProcesses =
                ours.stream().filter(InterruptedDeploymentRecovery::isProcess).toList();
        String release = AppImages.release(app, deploymentId);
        Optional<String> releaseId = imageId(release);
        boolean switched = current.isPresent()
                && !ourProcesses.isEmpty()
                && ourProcesses.stream()
                        .allMatch(container -> imageId(container.image()).equals(current));
        if (switched) {
            problems.addAll(removal.stopAndRemove(
                    ours.stream().filter(container -> !isProcess(container)).toList()));
            problems.addAll(removal.stopAndRemove(runtime.listContainers(ContainerLabels.processesOf(app)).stream()
                    .filter(other -> !deploymentId.equals(other.labels().get(ContainerLabels.DEPLOYMENT)))
                    .toList()));
            // Its processes run the current image: that is its own release image when predeploy committed one.
            String releaseImage =
                    releaseId.equals(current) ? release : ourProcesses.get(0).image();
            return new Outcome(DeploymentStatus.SUCCEEDED, RECOVERED, releaseImage, problems);
        }
        problems.addAll(removal.stopAndRemove(ours));
        if (releaseId.isPresent() && !releaseId.equals(current)) {
            problems.addAll(removal.removeImages(List.of(release)));
        }
        return new Outcome(DeploymentStatus.FAILED, INTERRUPTED, null, problems);
    }

    /**
     * Removes what a deployment that is known to be over left, whatever it reached: its task containers, its
     * process containers unless they run the app's current release (its switch happened before its worker was
     * lost, so they carry the app's traffic), and its release image unless that is current. Containers of
     * other deployments are never touched.
     *
     * @return one line for each container or image that is still there, saying why
     */
    public List<String> cleanUp(String app, String deploymentId) {
        Map<String, String> ofDeployment = new HashMap<>(ContainerLabels.allOf(app));
        ofDeployment.put(ContainerLabels.DEPLOYMENT, deploymentId);
        Optional<String> current = imageId(AppImages.current(app));
        List<ContainerInfo> leftovers = runtime.listContainers(ofDeployment).stream()
                .filter(container -> !isProcess(container)
                        || current.isEmpty()
                        || !imageId(container.image()).equals(current))
                .toList();
        List<String> problems = new ArrayList<>(removal.stopAndRemove(leftovers));
        String release = AppImages.release(app, deploymentId);
        Optional<String> releaseId = imageId(release);
        if (releaseId.isPresent() && !releaseId.equals(current)) {
            problems.addAll(removal.removeImages(List.of(release)));
        }
        return problems;
    }

    private static boolean isProcess(ContainerInfo container) {
        return ContainerLabels.allProcesses().entrySet().stream()
                .allMatch(label -> label.getValue().equals(container.labels().get(label.getKey())));
    }

    private Optional<String> imageId(String image) {
        return runtime.inspectImage(image).map(ImageDetails::id);
    }
}
