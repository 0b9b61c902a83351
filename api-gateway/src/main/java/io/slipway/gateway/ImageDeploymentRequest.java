package io.slipway.gateway;

import java.time.Duration;
import java.util.Optional;

/**
 * A deployment of an existing image.
 *
 * @param image the image reference, as the engine resolves it
 * @param taskTimeoutSeconds the timeout of each task of this deployment; the app's, else the engine's default when absent
 * @param appJsonPath where app.json is in the image, relative to its working directory; default {@code app.json}
 * @param procfilePath likewise for the Procfile; default {@code Procfile}
 * @param dryRun true: answer what the deployment would do instead of queuing it
 */
public record ImageDeploymentRequest(
        String image, Long taskTimeoutSeconds, String appJsonPath, String procfilePath, Boolean dryRun) {

    private static final int MAX_REFERENCE_LENGTH = 1024;

    /** @throws InvalidRequestException naming the first field that is wrong */
    public ImageDeploymentRequest {
        if (image == null || image.isBlank()) {
            throw new InvalidRequestException("image: an image reference is required");
        }
        if (image.length() > MAX_REFERENCE_LENGTH || image.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidRequestException("image: not an image reference: " + image);
        }
        TaskTimeout.ofSeconds(taskTimeoutSeconds);
        checkPath("appJsonPath", appJsonPath);
        checkPath("procfilePath", procfilePath);
    }

    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    public Optional<Duration> taskTimeout() {
        return TaskTimeout.ofSeconds(taskTimeoutSeconds);
    }

    private static void checkPath(String field, String path) {
        if (path != null && (path.isBlank() || path.length() > MAX_REFERENCE_LENGTH)) {
            throw new InvalidRequestException(field + ": must be a file path");
        }
    }
}
