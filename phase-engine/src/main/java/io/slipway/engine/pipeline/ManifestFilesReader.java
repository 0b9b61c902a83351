package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ImageDetails;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Finds an app's manifests where the README says they are: in the image's working directory, read
 * without running the image, or at the root of a build context, before anything is built.
 */
final class ManifestFilesReader {

    static final String APP_JSON = "app.json";
    static final String PROCFILE = "Procfile";
    private static final String DEFAULT_WORKING_DIR = "/app";
    /** Larger than the parser accepts, so the parser, not this reader, reports an oversized file. */
    private static final int READ_LIMIT = 1024 * 1024 + 1;

    private final ContainerRuntime runtime;

    ManifestFilesReader(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * The manifests {@code order} deploys with, for the pipeline and the dry run alike: those it carries (a retry or
     * a rollback), else those of its image, else those of its build context.
     *
     * @param image the details of the order's image; empty for a build context, whose image is not built yet
     */
    ManifestFiles forOrder(DeploymentOrder order, Optional<ImageDetails> image) throws IOException {
        if (order.manifests().isPresent()) {
            return order.manifests().get();
        }
        if (image.isPresent()) {
            return fromImage(order.image(), image.get().workingDir(), order.appJsonPath(), order.procfilePath());
        }
        return fromContext(Path.of(order.buildContext().orElseThrow()), order.appJsonPath(), order.procfilePath());
    }

    private ManifestFiles fromImage(
            String image, String workingDir, Optional<String> appJsonPath, Optional<String> procfilePath) {
        String base = workingDir.isBlank() ? DEFAULT_WORKING_DIR : workingDir;
        String appJson = resolve(base, appJsonPath.orElse(APP_JSON));
        String procfile = resolve(base, procfilePath.orElse(PROCFILE));
        Map<String, byte[]> files = runtime.readFiles(image, List.of(appJson, procfile));
        return new ManifestFiles(textOf(files.get(appJson)), textOf(files.get(procfile)));
    }

    private static ManifestFiles fromContext(Path context, Optional<String> appJsonPath, Optional<String> procfilePath)
            throws IOException {
        String appJson = normalise(appJsonPath.orElse(APP_JSON));
        String procfile = normalise(procfilePath.orElse(PROCFILE));
        Map<String, String> found = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(openMaybeGzipped(context))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = normalise(entry.getName());
                if (entry.isFile() && (name.equals(appJson) || name.equals(procfile))) {
                    found.put(name, text(tar.readNBytes(READ_LIMIT)));
                }
            }
        }
        return new ManifestFiles(found.get(appJson), found.get(procfile));
    }

    /** The text of the file {@code name} at the root of the tar context, read up to the manifests' limit. */
    static Optional<String> fileOf(Path context, String name) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(openMaybeGzipped(context))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile() && normalise(entry.getName()).equals(name)) {
                    return Optional.of(text(tar.readNBytes(READ_LIMIT)));
                }
            }
        }
        return Optional.empty();
    }

    /** The tar in {@code file}, whether it is a plain one or a gzip of one (as the gateway accepts). */
    private static InputStream openMaybeGzipped(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        return isGzip(in) ? new GzipCompressorInputStream(in, true) : in;
    }

    private static boolean isGzip(InputStream in) {
        try {
            return CompressorStreamFactory.GZIP.equals(CompressorStreamFactory.detect(in));
        } catch (CompressorException noCompressorSignature) {
            return false;
        }
    }

    private static String resolve(String base, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return (base.endsWith("/") ? base : base + "/") + path;
    }

    private static String normalise(String path) {
        String name = path;
        while (name.startsWith("./") || name.startsWith("/")) {
            name = name.substring(name.startsWith("./") ? 2 : 1);
        }
        return name;
    }

    /**
     * Manifests travel as text; a file that is not UTF-8 is decoded with replacement characters and
     * the parser reports what it cannot read.
     */
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** {@code null} for an absent file, as {@link ManifestFiles} has it. */
    private static String textOf(byte[] bytes) {
        return bytes == null ? null : text(bytes);
    }
}
