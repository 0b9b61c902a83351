package io.slipway.gateway;

import io.slipway.manifest.ManifestProblem;

/**
 * A manifest error or warning, where it is.
 *
 * @param file {@code app.json} or {@code Procfile}
 * @param line 1-based; 0 when the problem concerns the whole file
 * @param column 1-based; 0 when unknown
 * @param path where in app.json, like {@code scripts.dokku.predeploy}; empty for the Procfile
 */
public record ManifestIssue(String file, int line, int column, String path, String message) {

    public static ManifestIssue of(ManifestProblem problem) {
        return new ManifestIssue(problem.file(), problem.line(), problem.column(), problem.path(), problem.message());
    }
}
