package io.slipway.manifest;

import io.slipway.manifest.JsonValue.JsonArray;
import io.slipway.manifest.JsonValue.JsonBoolean;
import io.slipway.manifest.JsonValue.JsonNull;
import io.slipway.manifest.JsonValue.JsonNumber;
import io.slipway.manifest.JsonValue.JsonObject;
import io.slipway.manifest.JsonValue.JsonString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads values in the sections Slipway does not act on yet ({@code env}, {@code formation}, {@code healthchecks}).
 * Real files are untidy, so nothing here is an error: a value of the wrong type is dropped with a warning, and a
 * boolean or number written as a string (or the reverse) is read as what it spells, with a warning. {@code null}
 * means absent.
 */
final class LenientValues {

    private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]+");
    private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);

    private final ProblemCollector problems;

    LenientValues(ProblemCollector problems) {
        this.problems = problems;
    }

    Optional<JsonObject> object(JsonValue value, String path) {
        if (value instanceof JsonObject object) {
            return Optional.of(object);
        }
        return ignored(value, path, "an object");
    }

    Optional<JsonArray> array(JsonValue value, String path) {
        if (value instanceof JsonArray array) {
            return Optional.of(array);
        }
        return ignored(value, path, "an array");
    }

    Optional<String> string(JsonValue value, String path) {
        if (value instanceof JsonString string) {
            return Optional.of(string.value());
        }
        if (value instanceof JsonNumber || value instanceof JsonBoolean) {
            String text = value instanceof JsonNumber number
                    ? number.text()
                    : Boolean.toString(((JsonBoolean) value).value());
            readAs(value, path, "the string " + Quoted.of(text));
            return Optional.of(text);
        }
        return ignored(value, path, "a string");
    }

    Optional<Boolean> bool(JsonValue value, String path) {
        if (value instanceof JsonBoolean bool) {
            return Optional.of(bool.value());
        }
        if (value instanceof JsonString string) {
            String word = string.value().strip().toLowerCase(Locale.ROOT);
            if (word.equals("true") || word.equals("false")) {
                readAs(value, path, "the boolean " + word);
                return Optional.of(Boolean.parseBoolean(word));
            }
        }
        return ignored(value, path, "a boolean");
    }

    /** A count or a number of seconds: a whole number from 0 up. */
    Optional<Integer> count(JsonValue value, String path) {
        Optional<BigDecimal> number = Optional.empty();
        if (value instanceof JsonNumber n) {
            number = decimal(n.text());
        } else if (value instanceof JsonString s
                && DIGITS.matcher(s.value().strip()).matches()) {
            number = decimal(s.value().strip());
        }
        if (number.isEmpty()) {
            return ignored(value, path, "a whole number");
        }
        BigDecimal n = number.get();
        boolean whole = n.signum() == 0 || n.stripTrailingZeros().scale() <= 0;
        if (!whole || n.signum() < 0 || n.compareTo(MAX_INT) > 0) {
            problems.warn(
                    value.position(),
                    path,
                    "ignored: expected a whole number from 0 to " + Integer.MAX_VALUE + ", found " + describe(value));
            return Optional.empty();
        }
        if (value instanceof JsonString) {
            readAs(value, path, "the number " + n.intValueExact());
        }
        return Optional.of(n.intValueExact());
    }

    /** A list of strings, like a health check's {@code command}; items of another type are dropped with a warning. */
    Optional<List<String>> strings(JsonValue value, String path) {
        return array(value, path).map(array -> {
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < array.items().size(); i++) {
                string(array.items().get(i), JsonPath.index(path, i)).ifPresent(strings::add);
            }
            return List.copyOf(strings);
        });
    }

    private <T> Optional<T> ignored(JsonValue value, String path, String expected) {
        if (!(value instanceof JsonNull)) {
            problems.warn(value.position(), path, "ignored: expected " + expected + ", found " + value.kind());
        }
        return Optional.empty();
    }

    private void readAs(JsonValue value, String path, String meaning) {
        problems.warn(value.position(), path, "read " + describe(value) + " as " + meaning);
    }

    private static String describe(JsonValue value) {
        if (value instanceof JsonString s) {
            return "the string " + Quoted.of(s.value());
        }
        if (value instanceof JsonNumber n) {
            return "the number " + n.text();
        }
        if (value instanceof JsonBoolean b) {
            return "the boolean " + b.value();
        }
        return value.kind();
    }

    /** Empty when the exponent is beyond what BigDecimal holds (JSON allows {@code 1e99999999999}). */
    private static Optional<BigDecimal> decimal(String text) {
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
