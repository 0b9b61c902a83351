package io.slipway.engine.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Dockerfile may make the engine fetch. The engine's daemon itself fetches an {@code ADD} URL and pulls
 * the images of {@code FROM} and {@code COPY --from}, in the host's network namespace whatever network the build
 * runs in: {@code ADD http://127.0.0.1:2019/...} would reach the host's own services. So, before a build starts:
 *
 * <ul>
 *   <li>{@code ADD} takes no remote source (http, https, git): a build fetches what it needs in a {@code RUN}
 *       step, which runs in the build's network;
 *   <li>an image reference may not name a registry on this host or its networks: {@code localhost} (and
 *       {@code *.localhost}), and loopback, link-local, private and unspecified addresses, written as addresses.
 *       A registry named by a DNS name is not resolved here (its address may change before the pull).
 * </ul>
 *
 * {@code ARG} defaults are substituted into references, since Slipway passes no build arguments.
 */
final class DockerfileSources {

    private static final Pattern INSTRUCTION = Pattern.compile("(?i)^\\s*([a-z]+)\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)[^}]*}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern REMOTE = Pattern.compile("(?i)^(https?://|git://|git@|ssh://).*");
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    /** Hosts a dialler may read as an address though they are not dotted quads ({@code 2130706433}, {@code 0x7f.1}). */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)^(0x)?[0-9a-f.]+$");

    private DockerfileSources() {}

    /** Why {@code dockerfile} (named {@code file}) may not be built, naming the file and line; empty when it may. */
    static Optional<String> refusal(String file, String dockerfile) {
        Map<String, String> args = new HashMap<>();
        List<String> lines = dockerfile.lines().toList();
        for (int index = 0; index < lines.size(); index++) {
            int first = index;
            StringBuilder logical = new StringBuilder();
            String line = lines.get(index);
            while (line.stripTrailing().endsWith("\\") && index + 1 < lines.size()) {
                String kept = line.stripTrailing();
                logical.append(kept, 0, kept.length() - 1).append(' ');
                line = lines.get(++index);
            }
            logical.append(line);
            Optional<String> reason = check(logical.toString(), args);
            if (reason.isPresent()) {
                return Optional.of(file + ":" + (first + 1) + ": " + reason.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> check(String line, Map<String, String> args) {
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
            return Optional.empty();
        }
        Matcher instruction = INSTRUCTION.matcher(line);
        if (!instruction.matches()) {
            return Optional.empty();
        }
        String keyword = instruction.group(1).toUpperCase(Locale.ROOT);
        List<String> words = words(instruction.group(2));
        List<String> operands =
                words.stream().filter(word -> !word.startsWith("--")).toList();
        switch (keyword) {
            case "ARG" ->
                operands.forEach(arg -> {
                    int equals = arg.indexOf('=');
                    if (equals > 0) {
                        args.put(arg.substring(0, equals), unquote(arg.substring(equals + 1)));
                    }
                });
            case "FROM" -> {
                if (!operands.isEmpty()) {
                    return imageRefusal(substitute(operands.get(0), args));
                }
            }
            case "COPY" -> {
                for (String flag : words) {
                    if (flag.startsWith("--from=")) {
                        return imageRefusal(substitute(flag.substring("--from=".length()), args));
                    }
                }
            }
            case "ADD" -> {
                for (String source : operands.subList(0, Math.max(0, operands.size() - 1))) {
                    if (REMOTE.matcher(source).matches()) {
                        // The URL itself is not repeated: it may carry credentials.
                        return Optional.of("ADD from a URL (http, https or git) is not allowed: the engine would"
                                + " fetch it from the host; download it in a RUN step instead");
                    }
                }
            }
            default -> {
                // Other instructions make the engine fetch nothing.
            }
        }
        return Optional.empty();
    }

    /** An image reference's registry is its first part when that has a dot or a port, or is {@code localhost}. */
    private static Optional<String> imageRefusal(String reference) {
        int slash = reference.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String registry = reference.substring(0, slash);
        String host = registry.startsWith("[")
                ? registry.substring(1, Math.max(1, registry.indexOf(']')))
                : registry.replaceFirst(":\\d*$", "");
        boolean isRegistry = registry.contains(".") || registry.contains(":") || host.equalsIgnoreCase("localhost");
        if (isRegistry && isLocal(host.toLowerCase(Locale.ROOT))) {
            return Optional.of("image " + reference + " is in a registry on this host or its networks (" + host
                    + "), which the engine would reach from the host");
        }
        return Optional.empty();
    }

    private static boolean isLocal(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost") || host.contains(":")) {
            // An IPv6 literal: none is needed for a public registry, and its forms are many.
            return true;
        }
        Matcher ipv4 = IPV4.matcher(host);
        if (!ipv4.matches()) {
            return NUMERIC_HOST.matcher(host).matches();
        }
        int a = Integer.parseInt(ipv4.group(1));
        int b = Integer.parseInt(ipv4.group(2));
        return a == 0
                || a == 10
                || a == 127
                || (a == 169 && b == 254)
                || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && b == 168)
                || (a == 100 && b >= 64 && b <= 127)
                || a >= 224;
    }

    /** The words of an instruction's arguments, from its JSON form or split at white space. */
    private static List<String> words(String arguments) {
        String trimmed = arguments.strip();
        List<String> words = new ArrayList<>();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            Matcher quoted = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(trimmed);
            while (quoted.find()) {
                words.add(quoted.group(1));
            }
            return words;
        }
        for (String word : trimmed.split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(unquote(word));
            }
        }
        return words;
    }

    private static String substitute(String text, Map<String, String> args) {
        return VARIABLE.matcher(text)
                .replaceAll(match -> Matcher.quoteReplacement(
                        args.getOrDefault(match.group(1) != null ? match.group(1) : match.group(2), "")));
    }

    private static String unquote(String word) {
        return word.length() >= 2
                        && (word.startsWith("\"") && word.endsWith("\"") || word.startsWith("'") && word.endsWith("'"))
                ? word.substring(1, word.length() - 1)
                : word;
    }
}
