package io.slipway.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextArchiveTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    @Test
    void sendsTheFilesTheIgnoreFileLeavesAndNothingElse() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve(".dockerignore"), "secret.env\nlogs\n");
        Files.writeString(dir.resolve("secret.env"), "PASSWORD=x\n");
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/today.log"), "x");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/app.sh"), "echo hi\n");

        Map<String, TarArchiveEntry> entries = entries(archive());

        assertThat(entries).containsKeys("Dockerfile", ".dockerignore", "src/", "src/app.sh");
        assertThat(entries).doesNotContainKeys("secret.env", "logs/", "logs/today.log");
    }

    @Test
    void storesLinksInsideTheTreeAsLinksAndNeverSendsOnesThatLeaveIt() throws IOException {
        Path outside = Files.createTempFile("outside", ".txt");
        Files.writeString(outside, "the host's file");
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve("real.txt"), "inside");
        Files.createSymbolicLink(dir.resolve("inside-link"), Path.of("real.txt"));
        Files.createSymbolicLink(dir.resolve("absolute-link"), outside);
        Files.createSymbolicLink(dir.resolve("climbing-link"), Path.of("..", "..", "etc", "passwd"));

        byte[] archive = archive();
        Map<String, TarArchiveEntry> entries = entries(archive);

        assertThat(entries.get("inside-link").isSymbolicLink()).isTrue();
        assertThat(entries.get("inside-link").getLinkName()).isEqualTo("real.txt");
        assertThat(entries).doesNotContainKeys("absolute-link", "climbing-link");
        assertThat(new String(gunzip(archive), StandardCharsets.ISO_8859_1)).doesNotContain("the host's file");
        assertThat(warnings.toString(StandardCharsets.UTF_8)).contains("absolute-link", "climbing-link");
        Files.delete(outside);
    }

    /**
     * A 1 GiB sparse file goes through in a heap of at most 256 MiB (the module's surefire setting), so it is
     * streamed, not read whole; the archive's entry has its full size.
     */
    @Test
    void streamsAOneGibibyteSparseFileWithoutHoldingItInMemory() throws IOException {
        long size = 1L << 30;
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        try (RandomAccessFile sparse =
                new RandomAccessFile(dir.resolve("big.bin").toFile(), "rw")) {
            sparse.setLength(size);
        }
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(size / 2);
        CountingStream counted = new CountingStream();

        new ContextArchive(dir, IgnoreRules.none(), new PrintStream(warnings)).writeTo(counted);

        assertThat(counted.bytes).isGreaterThan(0).isLessThan(size / 100);
    }

    @Test
    void theSparseFilesEntryHasItsFullSize() throws IOException {
        long size = 64L << 20;
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        try (RandomAccessFile sparse =
                new RandomAccessFile(dir.resolve("big.bin").toFile(), "rw")) {
            sparse.setLength(size);
        }

        assertThat(entries(archive()).get("big.bin").getSize()).isEqualTo(size);
    }

    private byte[] archive() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ContextArchive(dir, IgnoreRules.of(dir), new PrintStream(warnings)).writeTo(out);
        return out.toByteArray();
    }

    private static Map<String, TarArchiveEntry> entries(byte[] archive) throws IOException {
        Map<String, TarArchiveEntry> entries = new HashMap<>();
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new GzipCompressorInputStream(new java.io.ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), entry);
            }
        }
        return entries;
    }

    private static byte[] gunzip(byte[] archive) throws IOException {
        try (InputStream in = new GzipCompressorInputStream(new java.io.ByteArrayInputStream(archive))) {
            return in.readAllBytes();
        }
    }

    private static final class CountingStream extends OutputStream {

        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
        }
    }
}
