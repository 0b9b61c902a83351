package io.slipway.cli.deploy;

import com.github.dockerjava.core.GoLangFileMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code .dockerignore} with Docker's rules: one pattern per line, {@code #} comments, {@code !} re-includes, the
 * last matching pattern wins, a pattern that matches a directory matches everything below it. Each pattern is matched
 * by docker-java's port of Go's {@code filepath.Match} with {@code **}. As the docker CLI does, the Dockerfile and
 * {@code .dockerignore} are always sent.
 */
public final class IgnoreRules {

    public static final String FILE = ".dockerignore";
    /** Docker's own limit on the file is none; this is far above any real one. */
    private static final long MAX_BYTES = 1024 * 1024;

    private record Rule(String pattern, boolean reinclude) {}

    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = rules;
    }

    public static IgnoreRules none() {
        return parse("");
    }

    /** The rules of {@code dir}'s {@code .dockerignore}; none when it has none. */
    public static IgnoreRules of(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return none();
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static IgnoreRules parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean reinclude = line.startsWith("!");
            String pattern = clean(reinclude ? line.substring(1).strip() : line);
            if (!pattern.isEmpty()) {
                rules.add(new Rule(pattern, reinclude));
            }
        }
        rules.add(new Rule("Dockerfile", true));
        rules.add(new Rule(FILE, true));
        return new IgnoreRules(List.copyOf(rules));
    }

    /** @param path relative to the context's root, with {@code /} between names */
    public boolean ignores(String path) {
        boolean ignored = false;
        for (Rule rule : rules) {
            if (matchesOrParentMatches(rule.pattern(), path)) {
                ignored = !rule.reinclude();
            }
        }
        return ignored;
    }

    /**
     * Whether a file below an ignored directory could be included again, so that the directory must still be walked.
     */
    public boolean mayReinclude() {
        return rules.stream().limit(rules.size() - 2L).anyMatch(Rule::reinclude);
    }

    private static boolean matchesOrParentMatches(String pattern, String path) {
        if (matches(pattern, path)) {
            return true;
        }
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (matches(pattern, path.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }

    /** In Docker's patterns {@code **}{@code /} also matches no directory at all, which Go's match does not know. */
    private static boolean matches(String pattern, String path) {
        if (GoLangFileMatch.match(pattern, path)) {
            return true;
        }
        for (int at = pattern.indexOf("**/"); at >= 0; at = pattern.indexOf("**/", at + 1)) {
            if ((at == 0 || pattern.charAt(at - 1) == '/')
                    && matches(pattern.substring(0, at) + pattern.substring(at + 3), path)) {
                return true;
            }
        }
        return false;
    }

    /** Go's filepath.Clean as Docker applies it, and no leading slash: patterns are relative to the context. */
    private static String clean(String pattern) {
        List<String> parts = new ArrayList<>();
        for (String part : pattern.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")
                    && !parts.isEmpty()
                    && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
