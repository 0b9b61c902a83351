package io.slipway.runtime.docker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.runtime.testing.BuildContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

class TarArchivesTests {

    private final BuildContext context = BuildContext.empty().file("Procfile", "web: run\n");

    @Test
    void passesAPlainTarThrough() throws IOException {
        try (InputStream tar = TarArchives.uncompressed(new ByteArrayInputStream(context.toTar()))) {
            assertThat(tar.readAllBytes()).isEqualTo(context.toTar());
        }
    }

    @Test
    void unpacksAGzippedTar() throws IOException {
        try (InputStream tar = TarArchives.uncompressed(new ByteArrayInputStream(context.toGzip()))) {
            assertThat(tar.readAllBytes()).isEqualTo(context.toTar());
        }
    }

    @Test
    void aTruncatedGzipIsAnUnreadableArchive() throws IOException {
        byte[] gzip = context.toGzip();
        byte[] truncated = java.util.Arrays.copyOf(gzip, gzip.length / 2);

        try (InputStream tar = TarArchives.uncompressed(new ByteArrayInputStream(truncated))) {
            assertThatThrownBy(tar::readAllBytes).isInstanceOf(TarArchives.UnreadableArchiveException.class);
        }
    }

    @Test
    void readsTheFirstRegularFile() throws IOException {
        assertThat(TarArchives.firstRegularFile(new ByteArrayInputStream(context.toTar())))
                .hasValueSatisfying(
                        bytes -> assertThat(new String(bytes, UTF_8)).isEqualTo("web: run\n"));
    }

    @Test
    void aDirectoryOrALinkIsNoFile() throws IOException {
        assertThat(TarArchives.firstRegularFile(new ByteArrayInputStream(single(new TarArchiveEntry("app/")))))
                .isEmpty();
        TarArchiveEntry link = new TarArchiveEntry("Procfile", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("/elsewhere");
        assertThat(TarArchives.firstRegularFile(new ByteArrayInputStream(single(link))))
                .isEmpty();
    }

    @Test
    void anEmptyArchiveHasNoFile() throws IOException {
        assertThat(TarArchives.firstRegularFile(
                        new ByteArrayInputStream(BuildContext.empty().toTar())))
                .isEmpty();
    }

    private static byte[] single(TarArchiveEntry entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
