package io.slipway.runtime.testing;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The real engines the tests run against, as {@code scripts/services start} wrote them down in
 * {@code /run/slipway-services/endpoints.properties} (system property {@value #ENDPOINTS_PROPERTY}
 * points elsewhere). A missing file or engine fails the test: it is never skipped.
 */
public final class TestEngines {

    public static final String ENDPOINTS_PROPERTY = "slipway.test.endpoints";
    /** Tasks and builds need no network; a process that publishes a port joins the engine's default one. */
    public static final String NETWORK = "none";

    private static final Path DEFAULT_ENDPOINTS = Path.of("/run/slipway-services/endpoints.properties");
    private static final List<String> NAMES = List.of("docker", "podman", "podman-rootless");
    private static final String HOW_TO_FIX = "run `scripts/services start` first";

    private TestEngines() {}

    /** Docker, rootful Podman and rootless Podman. */
    public static List<TestEngine> all() {
        return NAMES.stream().map(TestEngines::named).toList();
    }

    /** @param name {@code docker}, {@code podman} or {@code podman-rootless} */
    public static TestEngine named(String name) {
        return new TestEngine(name, URI.create(required(name + ".host")));
    }

    /** A busybox root filesystem ({@code sh}, {@code echo}, {@code cat}, {@code sleep}, ...) in every engine. */
    public static String baseImage() {
        return required("base-image");
    }

    /** Another service's endpoint from the same file, e.g. {@code kafka.bootstrap-servers}. */
    public static String endpoint(String key) {
        return required(key);
    }

    static String howToFix() {
        return HOW_TO_FIX;
    }

    private static String required(String key) {
        Path file = endpointsFile();
        String value = load(file).getProperty(key);
        if (value == null || value.isBlank()) {
            throw new AssertionError("no '" + key + "' in " + file + ": " + HOW_TO_FIX);
        }
        return value.strip();
    }

    private static Path endpointsFile() {
        String override = System.getProperty(ENDPOINTS_PROPERTY);
        return override == null || override.isBlank() ? DEFAULT_ENDPOINTS : Path.of(override);
    }

    private static Properties load(Path file) {
        if (!Files.isReadable(file)) {
            throw new AssertionError("no engine endpoints at " + file + ": " + HOW_TO_FIX);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }
}
