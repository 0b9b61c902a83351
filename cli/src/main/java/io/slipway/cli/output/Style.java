package io.slipway.cli.output;

import java.util.Map;

/** ANSI colour, only on a terminal and never when NO_COLOR is set (https://no-color.org). */
public final class Style {

    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    public Style(boolean colour) {
        this.colour = colour;
    }

    public static Style of(boolean terminal, Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return new Style(terminal && (noColor == null || noColor.isEmpty()));
    }

    public boolean colour() {
        return colour;
    }

    public String bold(String text) {
        return paint("1", text);
    }

    public String green(String text) {
        return paint("32", text);
    }

    public String red(String text) {
        return paint("31", text);
    }

    public String dim(String text) {
        return paint("2", text);
    }

    /** A status coloured by what it means. */
    public String status(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "SUCCEEDED" -> green(status);
            case "FAILED", "CANCELLED" -> red(status);
            case "SKIPPED" -> dim(status);
            default -> status;
        };
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + RESET : text;
    }
}
