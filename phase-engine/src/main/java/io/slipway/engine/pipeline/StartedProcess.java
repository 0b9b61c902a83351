package io.slipway.engine.pipeline;

import io.slipway.manifest.ProcessTypes;

/** A process container a deployment started: {@code web.1} is type {@code web}, index 1. */
record StartedProcess(String type, int index, String containerId) {

    boolean isWeb() {
        return type.equals(ProcessTypes.WEB);
    }

    /** How the log names it. */
    String label() {
        return type + "." + index;
    }
}
