package io.slipway.runtime.docker;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** The tar streams going to and coming from the engines. */
final class TarArchives {

    private TarArchives() {}

    /**
     * A plain tar, whether {@code archive} is one or a gzip of one (told apart by Commons Compress from
     * the stream's signature), so that neither engine has to guess the compression. A failure to read it is an
     * {@link UnreadableArchiveException}, which tells a broken upload from a broken engine socket.
     */
    static InputStream uncompressed(InputStream archive) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(new Unreadable(archive));
        return isGzip(buffered) ? new Unreadable(new GzipCompressorInputStream(buffered, true)) : buffered;
    }

    private static boolean isGzip(InputStream buffered) throws IOException {
        try {
            return CompressorStreamFactory.GZIP.equals(CompressorStreamFactory.detect(buffered));
        } catch (CompressorException e) {
            // detect() reports a failed read as a CompressorException too.
            if (e.getCause() instanceof IOException unreadable) {
                throw unreadable;
            }
            return false;
        }
    }

    /** The caller's archive could not be read: it is truncated, or no gzip although it starts as one. */
    static final class UnreadableArchiveException extends IOException {
        UnreadableArchiveException(IOException cause) {
            super(EngineErrors.describe(cause), cause);
        }
    }

    private static final class Unreadable extends FilterInputStream {

        Unreadable(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (UnreadableArchiveException e) {
                throw e;
            } catch (IOException e) {
                throw new UnreadableArchiveException(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (UnreadableArchiveException e) {
                throw e;
            } catch (IOException e) {
                throw new UnreadableArchiveException(e);
            }
        }
    }

    /** The content of the archive's first entry, when that entry is a regular file. */
    static Optional<byte[]> firstRegularFile(InputStream archive) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(archive);
        TarArchiveEntry entry = tar.getNextEntry();
        boolean regular =
                entry != null && entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink() && !entry.isLink();
        return regular ? Optional.of(tar.readAllBytes()) : Optional.empty();
    }
}
