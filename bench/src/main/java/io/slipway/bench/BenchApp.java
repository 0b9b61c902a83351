package io.slipway.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The app every scenario deploys: a predeploy that writes a file (committed), a release task and a
 * postdeploy that do nothing, and a busybox {@code httpd} web process. The floor and the CLI way run
 * exactly these commands.
 */
final class BenchApp {

    /** Every benchmark app's name starts with it, so that the clean-up between runs finds what Slipway made. */
    static final String APP_PREFIX = "bench-";

    static final String BASE_IMAGE = "slipway/busybox:latest";
    static final String IMAGE = "slipway-bench/app:latest";
    static final String LOG_IMAGE = "slipway-bench/log-latency:latest";
    static final String TICKER_IMAGE = "slipway-bench/ticker:latest";
    static final String CHECKED_IMAGE = "slipway-bench/checked:latest";
    static final int PORT = 5000;

    static final String PREDEPLOY = "echo predeployed > /app/predeployed";
    static final String RELEASE = "true";
    static final String WEB = "httpd -f -p $PORT -h /app";
    static final String POSTDEPLOY = "true";

    /** One app.json HTTP check of the web process, everything else of it Dokku's defaults. */
    static final String HTTP_CHECK =
            "\"healthchecks\": {\"web\": [{\"type\": \"startup\", \"name\": \"home\", \"path\": \"/\","
                    + " \"content\": \"slipway bench\"}]}";

    /**
     * Prints the wall clock in microseconds ({@code adjtimex} reads it; busybox date has no %N). A kernel whose clock
     * status has {@code STA_NANO} (8192) set holds nanoseconds in the field adjtimex calls {@code tv_usec}: those
     * stamps were a thousand times too large, and the latencies negative.
     */
    static final String STAMP = "adjtimex | awk '/status/ {st=$2} /tv_sec/ {s=$2} /tv_usec/ {u=$2}"
            + " END {if (and(st, 8192)) u = int(u / 1000); printf \"STAMP %d%06d\\n\", s, u}'";

    static final String STAMPS = "for i in $(seq 1 40); do " + STAMP + "; sleep 0.1; done";

    /**
     * The log followers' app: its web process serves files in the background (the port check) and prints a numbered
     * line five times a second.
     */
    static final String TICKER =
            "httpd -p $PORT -h /app && i=0; while true; do i=$((i+1)); echo \"tick $i\"; sleep 0.2; done";

    private BenchApp() {}

    static byte[] context() {
        return context(PREDEPLOY, WEB);
    }

    /** The log-latency app: its predeploy prints time stamps for a while. */
    static byte[] logLatencyContext() {
        return context(STAMPS, WEB);
    }

    static byte[] tickerContext() {
        return context(PREDEPLOY, TICKER);
    }

    /** The redeploy's app: the benchmark app with one HTTP check. */
    static byte[] checkedContext() {
        return context(PREDEPLOY, WEB, ", " + HTTP_CHECK);
    }

    private static byte[] context(String predeploy, String web) {
        return context(predeploy, web, "");
    }

    private static byte[] context(String predeploy, String web, String moreAppJson) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Dockerfile", "FROM " + BASE_IMAGE + "\nWORKDIR /app\nCOPY app.json Procfile index.html /app/\n");
        files.put(
                "app.json",
                "{\"scripts\": {\"dokku\": {\"predeploy\": " + jsonString(predeploy) + ", \"postdeploy\": "
                        + jsonString(POSTDEPLOY) + "}}" + moreAppJson + "}\n");
        files.put("Procfile", "release: " + RELEASE + "\nweb: " + web + "\n");
        files.put("index.html", "slipway bench\n");
        return tar(files);
    }

    private static String jsonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static byte[] tar(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
