package io.slipway.cli.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes a directory as a gzip tar build context, file by file through a small buffer: a file of any size is never
 * held in memory. Symbolic links are stored as links, never followed, and only when they point inside the directory.
 */
public final class ContextArchive {

    private final Path root;
    private final IgnoreRules rules;
    private final PrintStream warnings;

    public ContextArchive(Path root, IgnoreRules rules, PrintStream warnings) {
        this.root = root.toAbsolutePath().normalize();
        this.rules = rules;
        this.warnings = warnings;
    }

    /** Writes the archive and finishes it; {@code out} is left open. */
    public void writeTo(OutputStream out) throws IOException {
        GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(new UnclosedStream(out));
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            Files.walkFileTree(root, new Entries(tar));
            tar.finish();
        }
    }

    private final class Entries extends SimpleFileVisitor<Path> {

        private final TarArchiveOutputStream tar;

        Entries(TarArchiveOutputStream tar) {
            this.tar = tar;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
            if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            String name = name(dir);
            if (rules.ignores(name)) {
                return rules.mayReinclude() ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }
            tar.putArchiveEntry(new TarArchiveEntry(dir, name + "/", LinkOption.NOFOLLOW_LINKS));
            tar.closeArchiveEntry();
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
            String name = name(file);
            if (rules.ignores(name)) {
                return FileVisitResult.CONTINUE;
            }
            if (attributes.isSymbolicLink()) {
                addLink(file, name);
            } else if (attributes.isRegularFile()) {
                tar.putArchiveEntry(new TarArchiveEntry(file, name, LinkOption.NOFOLLOW_LINKS));
                Files.copy(file, tar);
                tar.closeArchiveEntry();
            }
            // Sockets, pipes and devices have no place in an image.
            return FileVisitResult.CONTINUE;
        }

        private void addLink(Path link, String name) throws IOException {
            Path target = Files.readSymbolicLink(link);
            Path resolved = link.getParent().resolve(target).normalize();
            if (target.isAbsolute() || !resolved.startsWith(root)) {
                warnings.println(
                        "warning: " + name + " is a symbolic link out of the directory (" + target + "): not sent");
                return;
            }
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            entry.setLinkName(target.toString());
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }

        private String name(Path path) {
            return root.relativize(path).toString().replace('\\', '/');
        }
    }

    /** The archive ends the gzip stream, not the caller's stream. */
    private static final class UnclosedStream extends java.io.FilterOutputStream {

        UnclosedStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
