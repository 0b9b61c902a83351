package io.slipway.cli.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A {@code .slipway} file names the app of its directory and the directories below, as a git remote would. */
public final class LinkFile {

    public static final String NAME = ".slipway";
    private static final int MAX_BYTES = 256;

    private LinkFile() {}

    /** The app named in {@code dir}'s or the nearest parent's {@code .slipway}. */
    public static Optional<String> find(Path dir) throws IOException {
        for (Path at = dir.toAbsolutePath(); at != null; at = at.getParent()) {
            Path file = at.resolve(NAME);
            if (Files.isRegularFile(file)) {
                if (Files.size(file) > MAX_BYTES) {
                    throw new UsageProblem(file + " is not an app name (larger than " + MAX_BYTES + " bytes)");
                }
                String name = Files.readString(file, StandardCharsets.UTF_8).strip();
                return name.isEmpty() ? Optional.empty() : Optional.of(name);
            }
        }
        return Optional.empty();
    }

    public static void write(Path dir, String app) throws IOException {
        Files.writeString(dir.resolve(NAME), app + "\n", StandardCharsets.UTF_8);
    }
}
