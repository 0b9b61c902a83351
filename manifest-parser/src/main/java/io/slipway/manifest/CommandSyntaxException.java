package io.slipway.manifest;

/** A command cannot be split into words: an unterminated quote or a trailing backslash. */
public final class CommandSyntaxException extends IllegalArgumentException {

    private final int position;

    CommandSyntaxException(String problem, int position) {
        super(problem + " at character " + position);
        this.position = position;
    }

    /** 1-based index of the character where the problem starts (the opening quote, the backslash). */
    public int position() {
        return position;
    }
}
