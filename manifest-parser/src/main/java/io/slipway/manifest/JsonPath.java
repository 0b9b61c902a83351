package io.slipway.manifest;

/** Paths like {@code scripts.dokku.predeploy}, {@code healthchecks.web[0]} and {@code env["my.var"]}. */
final class JsonPath {

  static final String ROOT = "";

  private JsonPath() {}

  static String key(String parent, String key) {
    if (!isPlain(key)) {
      return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** [A-Za-z0-9_-]+, checked by hand: paths are built for every value, and a regex here dominated parse time. */
  private static boolean isPlain(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
      if (!plain) {
        return false;
      }
    }
    return true;
  }
}
