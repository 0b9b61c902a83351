package io.slipway.manifest;

/**
 * {@code [A-Za-z0-9_-]}: the characters of a Procfile process name and of a JSON key written without quotes in
 * a path. Checked by hand because these checks run for every key and line, where a regex dominated parse time.
 */
final class NameCharacters {

    private NameCharacters() {}

    private static boolean isNameCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** The length of the run of name characters at the start of {@code text}. */
    static int leadingNameLength(String text) {
        int length = 0;
        while (length < text.length() && isNameCharacter(text.charAt(length))) {
            length++;
        }
        return length;
    }
}
