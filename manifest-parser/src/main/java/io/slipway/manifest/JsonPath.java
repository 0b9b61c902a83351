package io.slipway.manifest;

import java.util.regex.Pattern;

/** Paths like {@code scripts.dokku.predeploy}, {@code healthchecks.web[0]} and {@code env["my.var"]}. */
final class JsonPath {

  static final String ROOT = "";

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  private JsonPath() {}

  static String key(String parent, String key) {
    if (!PLAIN_KEY.matcher(key).matches()) {
      return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
