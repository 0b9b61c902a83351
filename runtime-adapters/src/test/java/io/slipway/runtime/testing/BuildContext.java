package io.slipway.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * An in-memory tar: a build context (a {@code Dockerfile} and the files it copies) or a root filesystem
 * to import.
 *
 * <pre>{@code
 * BuildContext.fromBaseImage("WORKDIR /app", "COPY app.json Procfile /app/")
 *         .file("app.json", "{}")
 *         .file("Procfile", "web: sleep 60")
 * }</pre>
 */
public final class BuildContext {

    private static final int REGULAR = 0644;
    private static final int EXECUTABLE = 0755;
    /** One fixed time for every entry: the same context always makes the same bytes. */
    private static final Date MODIFIED = Date.from(Instant.parse("2000-01-01T00:00:00Z"));

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private BuildContext() {}

    /** A context whose Dockerfile starts {@code FROM} the base image and goes on with {@code instructions}. */
    public static BuildContext fromBaseImage(String... instructions) {
        return from(TestEngines.baseImage(), instructions);
    }

    public static BuildContext from(String image, String... instructions) {
        return withDockerfile("FROM " + image + "\n" + String.join("\n", instructions) + "\n");
    }

    public static BuildContext withDockerfile(String dockerfile) {
        return empty().file("Dockerfile", dockerfile);
    }

    /** No Dockerfile: for a root filesystem to import. */
    public static BuildContext empty() {
        return new BuildContext();
    }

    public BuildContext file(String path, String content) {
        entries.put(path, new Entry(content.getBytes(StandardCharsets.UTF_8), REGULAR));
        return this;
    }

    public BuildContext executable(String path, String content) {
        return executable(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public BuildContext executable(String path, byte[] content) {
        entries.put(path, new Entry(content.clone(), EXECUTABLE));
        return this;
    }

    public byte[] toTar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeTar(bytes);
        return bytes.toByteArray();
    }

    public byte[] toGzip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            writeTar(gzip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void writeTar(OutputStream out) {
        try {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, Entry> file : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().content().length);
                entry.setMode(file.getValue().mode());
                entry.setModTime(MODIFIED);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue().content());
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Entry(byte[] content, int mode) {}
}
