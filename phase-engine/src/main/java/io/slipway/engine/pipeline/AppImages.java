package io.slipway.engine.pipeline;

/** The images Slipway makes for an app, by name: built, release and current. */
public final class AppImages {

    private AppImages() {}

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
