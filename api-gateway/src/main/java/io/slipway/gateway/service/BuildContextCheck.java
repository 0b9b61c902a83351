package io.slipway.gateway.service;

import io.slipway.gateway.ContentTooLargeException;
import io.slipway.gateway.InvalidRequestException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads an uploaded build context through once, as the engine will, before it is queued: it must be a tar, plain or
 * gzip, with a {@code Dockerfile} at its root, and unpack to at most {@code slipway.gateway.max-context-unpacked-size}.
 * The unpacked bytes are counted while they stream, so a gzip bomb is refused after the limit, never written out.
 */
final class BuildContextCheck {

    private static final String DOCKERFILE = "Dockerfile";
    private static final String LIMIT_SETTING = "slipway.gateway.max-context-unpacked-size";

    private final long maxUnpacked;

    BuildContextCheck(long maxUnpacked) {
        this.maxUnpacked = maxUnpacked;
    }

    /**
     * @throws InvalidRequestException when the context is empty, not a tar or has no Dockerfile at its root
     * @throws ContentTooLargeException when it unpacks to more than the limit
     */
    void check(Path context, long size) throws IOException {
        if (size == 0) {
            throw new InvalidRequestException("the build context is empty: send a tar with a Dockerfile at its root");
        }
        try (InputStream file = new BufferedInputStream(Files.newInputStream(context))) {
            boolean gzip = isGzip(file);
            if (!gzip && size > maxUnpacked) {
                throw tooLarge();
            }
            if (!hasDockerfile(file, gzip)) {
                throw new InvalidRequestException(
                        "the build context has no Dockerfile at its root: it is built from ./Dockerfile");
            }
        }
    }

    /** Commons Compress knows the formats by their signatures; a plain tar has none it detects. */
    private static boolean isGzip(InputStream file) {
        String format;
        try {
            format = CompressorStreamFactory.detect(file);
        } catch (CompressorException none) {
            return false;
        }
        if (!format.equals(CompressorStreamFactory.GZIP)) {
            throw new InvalidRequestException(
                    "the build context is compressed as " + format + ": send a plain tar or a gzip of one");
        }
        return true;
    }

    /** Reads every entry to its end, counting what a gzip unpacks to as it goes. */
    private boolean hasDockerfile(InputStream file, boolean gzip) {
        byte[] buffer = new byte[64 * 1024];
        boolean dockerfile = false;
        try {
            // Members concatenated after the first are read as the engines read them.
            GzipCompressorInputStream unpacked = gzip ? new GzipCompressorInputStream(file, true) : null;
            TarArchiveInputStream tar = new TarArchiveInputStream(gzip ? unpacked : file);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                dockerfile |= entry.isFile() && atRoot(entry.getName()).equals(DOCKERFILE);
                int read;
                do {
                    read = tar.read(buffer);
                    if (gzip && unpacked.getUncompressedCount() > maxUnpacked) {
                        throw tooLarge();
                    }
                } while (read != -1);
            }
        } catch (IOException | IllegalArgumentException e) {
            // Commons Compress reports a malformed header either way.
            throw new InvalidRequestException(
                    "the build context is not a readable tar (plain or gzip): " + e.getMessage());
        }
        return dockerfile;
    }

    private ContentTooLargeException tooLarge() {
        return new ContentTooLargeException(
                "the build context unpacks to more than " + maxUnpacked + " bytes, the limit (" + LIMIT_SETTING + ")");
    }

    private static String atRoot(String name) {
        String path = name;
        while (path.startsWith("./") || path.startsWith("/")) {
            path = path.substring(path.startsWith("./") ? 2 : 1);
        }
        return path;
    }
}
