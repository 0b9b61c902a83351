package io.slipway.manifest;

/** A 1-based line and column in a manifest; {@link #WHOLE_FILE} for problems that have no place. */
record Position(int line, int column) {

    static final Position WHOLE_FILE = new Position(0, 0);

    /** Where the character at {@code index} of {@code text} is, counting CR, LF and CRLF as line breaks as Jackson does. */
    static Position of(CharSequence text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < index && text.charAt(i + 1) == '\n';
            if (crlf) {
                i++;
            }
            if (c == '\n' || c == '\r') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, index - lineStart + 1);
    }
}
