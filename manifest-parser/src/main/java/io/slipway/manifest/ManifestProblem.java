package io.slipway.manifest;

import java.util.Objects;

/**
 * One thing wrong with a manifest, as a value a caller can render (the REST layer turns it into
 * {@code {file, line, column, path, message}}).
 *
 * @param file {@link #APP_JSON} or {@link #PROCFILE}
 * @param line 1-based; 0 when the problem concerns the whole file (too large, no entries)
 * @param column 1-based, counted in characters after a byte-order mark; 0 when unknown
 * @param path where in app.json, like {@code scripts.dokku.predeploy} or {@code healthchecks.web[0].attempts};
 *     empty for the top level of app.json and for the Procfile
 * @param message what is wrong, without the file, position and path (see {@link #describe()})
 */
public record ManifestProblem(String file, int line, int column, String path, String message) {

    public static final String APP_JSON = "app.json";
    public static final String PROCFILE = "Procfile";

    public ManifestProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** One line for logs and exception messages, like {@code app.json:3:18: scripts.dokku.predeploy: must be a string}. */
    public String describe() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }
}
