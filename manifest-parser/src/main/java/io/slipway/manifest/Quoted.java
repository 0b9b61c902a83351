package io.slipway.manifest;

/** A value quoted into a message, cut short so that a huge value cannot make a huge message. */
final class Quoted {

    private static final int MAX_CHARACTERS = 60;

    private Quoted() {}

    static String of(String value) {
        String shown = value.length() <= MAX_CHARACTERS ? value : value.substring(0, MAX_CHARACTERS) + "…";
        return "\"" + shown + "\"";
    }
}
