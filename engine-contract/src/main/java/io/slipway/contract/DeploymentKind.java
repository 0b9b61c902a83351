package io.slipway.contract;

/** Where a deployment's image comes from, which decides the phases it skips (the engine's phase table says which). */
public enum DeploymentKind {
    /** An existing image, by reference (also a retry, which reuses the image built before). */
    IMAGE("an image deployment"),
    /** A tar build context with a Dockerfile. */
    BUILD_CONTEXT("a build-context deployment"),
    /** An earlier release image: its predeploy result is already in it. */
    ROLLBACK("a rollback"),
    // Process control (day two): the current release's image and manifests, run again or stopped; only CONFIG,
    // a config change, makes a new release.
    /** New containers of the current release replace the running ones (of one process type, if it names one). */
    RESTART("a restart", false),
    /** Every process container stops; the router answers that the app is stopped. */
    STOP("a stop", false),
    /** The current release starts again after a stop. */
    START("a start", false),
    /** The running release's containers are added or removed to match the formation. */
    SCALE("a scale", false),
    /** The current release's source image and manifests, deployed again with the app's new config. */
    CONFIG("a config change", true);

    private final String description;
    private final boolean makesRelease;

    DeploymentKind(String description) {
        this(description, true);
    }

    DeploymentKind(String description, boolean makesRelease) {
        this.description = description;
        this.makesRelease = makesRelease;
    }

    /** Whether a success makes the deployment the app's current release; process control keeps the one it ran. */
    public boolean makesRelease() {
        return makesRelease;
    }

    /** The kind in a sentence, e.g. why a phase was skipped: "not part of a rollback". */
    public String description() {
        return description;
    }
}
