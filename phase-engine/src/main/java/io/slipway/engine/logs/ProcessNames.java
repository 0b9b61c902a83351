package io.slipway.engine.logs;

import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.runtime.ContainerInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A process container's name in logs: its type and number, {@code web.1}, as Heroku and Dokku tag lines. */
final class ProcessNames {

    /** The number the container's name carries before the deployment's short id ({@code ProcessPlan}). */
    private static final Pattern NUMBER = Pattern.compile("-(\\d+)-[0-9a-f]{8}$");

    private ProcessNames() {}

    static String of(ContainerInfo container) {
        String type = container.labels().get(ContainerLabels.PROCESS_TYPE);
        Matcher number = NUMBER.matcher(container.name());
        return number.find() ? type + "." + number.group(1) : type;
    }
}
