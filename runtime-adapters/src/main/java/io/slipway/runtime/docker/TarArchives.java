package io.slipway.runtime.docker;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** The tar streams going to and coming from the engines. */
final class TarArchives {

    private TarArchives() {}

    /**
     * A plain tar, whether {@code archive} is one or a gzip of one (told apart by gzip's magic
     * bytes), so that neither engine has to guess the compression.
     */
    static InputStream uncompressed(InputStream archive) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(archive);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        return gzip ? new GZIPInputStream(buffered) : buffered;
    }

    /** The content of the archive's first entry, when that entry is a regular file. */
    static Optional<byte[]> firstRegularFile(InputStream archive) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(archive);
        TarArchiveEntry entry = tar.getNextEntry();
        boolean regular = entry != null
                && entry.isFile()
                && !entry.isDirectory()
                && !entry.isSymbolicLink()
                && !entry.isLink();
        return regular ? Optional.of(tar.readAllBytes()) : Optional.empty();
    }
}
