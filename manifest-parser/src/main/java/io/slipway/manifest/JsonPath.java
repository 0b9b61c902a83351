package io.slipway.manifest;

/** Paths like {@code scripts.dokku.predeploy}, {@code healthchecks.web[0]} and {@code env["my.var"]}. */
final class JsonPath {

    static final String ROOT = "";

    private JsonPath() {}

    static String key(String parent, String key) {
        boolean plain = !key.isEmpty() && NameCharacters.leadingNameLength(key) == key.length();
        if (!plain) {
            return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
