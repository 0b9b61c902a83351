package io.slipway.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON value that remembers where it was written, so that every problem found while reading
 * app.json can point at its line and column. Built by {@link JsonTreeReader}.
 */
sealed interface JsonValue {

    Position position();

    /** The kind of value with its article, for messages: "an array", "null". */
    String kind();

    /** An object; a duplicate key keeps its last value. */
    record JsonObject(Map<String, Member> members, Position position) implements JsonValue {

        public JsonObject {
            members = OrderedMaps.copyOf(members);
        }

        Optional<Member> member(String key) {
            return Optional.ofNullable(members.get(key));
        }

        @Override
        public String kind() {
            return "an object";
        }
    }

    /** A key of an object, where the key was written, and its value. */
    record Member(String key, Position keyPosition, JsonValue value) {}

    record JsonArray(List<JsonValue> items, Position position) implements JsonValue {

        public JsonArray {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "an array";
        }
    }

    record JsonString(String value, Position position) implements JsonValue {

        @Override
        public String kind() {
            return "a string";
        }
    }

    /** A number as written; it is converted only where a number is expected, so no digits are lost before then. */
    record JsonNumber(String text, Position position) implements JsonValue {

        @Override
        public String kind() {
            return "a number";
        }
    }

    record JsonBoolean(boolean value, Position position) implements JsonValue {

        @Override
        public String kind() {
            return "a boolean";
        }
    }

    record JsonNull(Position position) implements JsonValue {

        @Override
        public String kind() {
            return "null";
        }
    }
}
