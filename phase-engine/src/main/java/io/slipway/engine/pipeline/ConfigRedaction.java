package io.slipway.engine.pipeline;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keeps an app's config values out of what Slipway itself writes about a deployment: reasons and its own log lines.
 * Engines echo a container's environment in their errors (runc: {@code "MYSECRET=abc\x00def"}, quoted as Go does),
 * so both the values as given and as an engine quotes them are masked, and so is anything an engine writes after
 * {@code NAME=} of a config variable, up to the closing quote.
 *
 * <p>Values shorter than {@value #MIN_MASKED_LENGTH} characters are not masked where they stand alone: a {@code 1}
 * or {@code on} is no secret, and masking it would garble every number in a reason ("exited with code 1"). After
 * their {@code NAME=} they are masked all the same.
 */
final class ConfigRedaction {

    static final String MASK = "[redacted]";
    static final int MIN_MASKED_LENGTH = 4;

    private final Map<String, String> config;
    private final List<String> values;
    private final Pattern assignments;

    private ConfigRedaction(Map<String, String> config, List<String> values, Pattern assignments) {
        this.config = config;
        this.values = values;
        this.assignments = assignments;
    }

    static ConfigRedaction of(Map<String, String> config) {
        Set<String> forms = new LinkedHashSet<>();
        config.values().stream()
                .filter(value -> value.length() >= MIN_MASKED_LENGTH)
                .forEach(value -> {
                    forms.add(value);
                    forms.add(goQuoted(value));
                });
        // Longest first, so that a value containing another is masked whole.
        List<String> values = forms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        Pattern assignments = config.isEmpty()
                ? null
                : Pattern.compile("\\b("
                        + config.keySet().stream().map(Pattern::quote).collect(Collectors.joining("|"))
                        + ")=(?:\\\\.|[^\"\\\\])*");
        return new ConfigRedaction(Map.copyOf(config), values, assignments);
    }

    /** A redaction of this one's variables and {@code more}. */
    ConfigRedaction plus(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(config);
        merged.putAll(more);
        return of(merged);
    }

    /** {@code text} with every config value masked; null stays null. */
    String apply(String text) {
        if (text == null || assignments == null) {
            return text;
        }
        String masked =
                assignments.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "=" + MASK));
        for (String value : values) {
            masked = masked.replace(value, MASK);
        }
        return masked;
    }

    /** The value as Go's {@code %q} writes it inside quotes, as the engines and runc quote environments. */
    private static String goQuoted(String value) {
        StringBuilder quoted = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '"' -> quoted.append("\\\"");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\x%02x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.toString();
    }
}
