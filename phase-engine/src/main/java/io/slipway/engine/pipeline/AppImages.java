package io.slipway.engine.pipeline;

/** How Slipway names the images it makes for an app. */
public final class ImageNames {

    private ImageNames() {}

    public static String built(String app, String deploymentId) {
        return repository(app) + ":build-" + deploymentId;
    }

    public static String release(String app, String deploymentId) {
        return repository(app) + ":release-" + deploymentId;
    }

    /** The tag that always points at the app's running release. */
    public static String current(String app) {
        return repository(app) + ":current";
    }

    public static String repository(String app) {
        return "slipway/" + app;
    }
}
