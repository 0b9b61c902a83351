package io.slipway.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.cli.api.SlipwayApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Packs a directory into a gzip tar in an owner-only temporary file (so its size is known for the progress bar, and
 * nothing of it is held in memory), then streams that file to the gateway.
 */
public final class ContextUpload {

    private final SlipwayApi api;
    private final PrintStream err;
    private final boolean terminal;

    public ContextUpload(SlipwayApi api, PrintStream err, boolean terminal) {
        this.api = api;
        this.err = err;
        this.terminal = terminal;
    }

    public JsonNode send(String app, Path dir, Long taskTimeoutSeconds, boolean dryRun) throws IOException {
        Path archive = Files.createTempFile(
                "slipway-context",
                ".tar.gz",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (OutputStream out = Files.newOutputStream(archive)) {
                new ContextArchive(dir, IgnoreRules.of(dir), err).writeTo(out);
            }
            long size = Files.size(archive);
            try (InputStream in = Files.newInputStream(archive)) {
                InputStream body = terminal ? new UploadProgress(in, size, err) : in;
                return api.deployContext(app, taskTimeoutSeconds, dryRun ? Boolean.TRUE : null, body);
            }
        } finally {
            Files.deleteIfExists(archive);
        }
    }
}
