package io.slipway.engine.pipeline;

/** Where a deployment's image comes from, which decides the phases it skips. */
public enum DeploymentKind {
    /** An existing image, by reference (also a retry, which reuses the image built before). */
    IMAGE,
    /** A tar build context with a Dockerfile. */
    BUILD_CONTEXT,
    /** An earlier release image: its predeploy result is already in it. */
    ROLLBACK
}
