package io.slipway.contract;

/** Where a deployment's image comes from, which decides the phases it skips (the engine's phase table says which). */
public enum DeploymentKind {
    /** An existing image, by reference (also a retry, which reuses the image built before). */
    IMAGE("an image deployment"),
    /** A tar build context with a Dockerfile. */
    BUILD_CONTEXT("a build-context deployment"),
    /** An earlier release image: its predeploy result is already in it. */
    ROLLBACK("a rollback");

    private final String description;

    DeploymentKind(String description) {
        this.description = description;
    }

    /** The kind in a sentence, e.g. why a phase was skipped: "not part of a rollback". */
    public String description() {
        return description;
    }
}
