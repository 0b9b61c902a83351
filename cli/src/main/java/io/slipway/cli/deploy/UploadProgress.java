package io.slipway.cli.deploy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;

/** Counts the bytes the upload reads and draws a bar on the terminal, at most ten times a second. */
public final class UploadProgress extends FilterInputStream {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final double MIB = 1024.0 * 1024.0;

    private final long total;
    private final PrintStream terminal;
    private long sent;
    private long drawnAt;

    public UploadProgress(InputStream in, long total, PrintStream terminal) {
        super(in);
        this.total = Math.max(1, total);
        this.terminal = terminal;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            advance(read);
        }
        return read;
    }

    private void advance(int bytes) {
        sent += bytes;
        long now = System.nanoTime();
        if (now - drawnAt >= REDRAW_NANOS || sent >= total) {
            drawnAt = now;
            terminal.print("\r" + bar(sent, total));
            if (sent >= total) {
                terminal.println();
            }
            terminal.flush();
        }
    }

    static String bar(long sent, long total) {
        int filled = (int) (WIDTH * Math.min(sent, total) / total);
        return String.format(
                Locale.ROOT,
                "Uploading [%s%s] %3d%% %.1f/%.1f MiB",
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                100 * Math.min(sent, total) / total,
                sent / MIB,
                total / MIB);
    }
}
