package io.slipway.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.slipway.manifest.JsonValue.JsonArray;
import io.slipway.manifest.JsonValue.JsonBoolean;
import io.slipway.manifest.JsonValue.JsonNull;
import io.slipway.manifest.JsonValue.JsonNumber;
import io.slipway.manifest.JsonValue.JsonObject;
import io.slipway.manifest.JsonValue.JsonString;
import io.slipway.manifest.JsonValue.Member;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link JsonValue} tree from Jackson's streaming parser, accepting comments and trailing commas as
 * Dokku does. Jackson's own tree would lose positions and silently merge duplicate keys. The tree is built
 * with an explicit stack, not recursion, and Jackson bounds the depth, so no input can overflow the stack.
 */
final class JsonTreeReader {

    /** Far deeper than any real app.json; a deeper file is rejected with its position. */
    static final int MAX_NESTING_DEPTH = 256;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            // The field-name symbol table throws IllegalStateException on crafted hash collisions; one read gains
            // nothing from it.
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .build())
            .build();

    private final JsonParser parser;
    private final ProblemCollector problems;
    private final Deque<ContainerBuilder> open = new ArrayDeque<>();

    private JsonTreeReader(JsonParser parser, ProblemCollector problems) {
        this.parser = parser;
        this.problems = problems;
    }

    /**
     * The one value in {@code text}; empty when there is none (only white space and comments).
     * Duplicate keys are recorded as warnings.
     */
    static Optional<JsonValue> read(String text, ProblemCollector problems) throws InvalidJsonException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return new JsonTreeReader(parser, problems).readDocument();
        } catch (IOException e) {
            // Parse errors are handled in readDocument; a string source has no other I/O to fail.
            throw new UncheckedIOException(e);
        }
    }

    private Optional<JsonValue> readDocument() throws InvalidJsonException, IOException {
        try {
            Optional<JsonValue> root = readValue();
            if (root.isPresent() && parser.nextToken() != null) {
                throw new InvalidJsonException(
                        position(parser.currentTokenLocation()),
                        "unexpected content after the end of the top-level value");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    private Optional<JsonValue> readValue() throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            Position at = position(parser.currentTokenLocation());
            switch (token) {
                case START_OBJECT -> open.push(new ObjectBuilder(at, childPath()));
                case START_ARRAY -> open.push(new ArrayBuilder(at, childPath()));
                case FIELD_NAME -> ((ObjectBuilder) open.element()).key(parser.currentName(), at);
                default -> {
                    JsonValue value = token.isStructEnd() ? open.pop().build() : scalar(token, at);
                    if (open.isEmpty()) {
                        return Optional.of(value);
                    }
                    open.element().add(value, problems);
                }
            }
        }
        return Optional.empty();
    }

    private String childPath() {
        return open.isEmpty() ? JsonPath.ROOT : open.element().childPath();
    }

    private JsonValue scalar(JsonToken token, Position at) throws IOException {
        return switch (token) {
            case VALUE_STRING -> new JsonString(parser.getText(), at);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(parser.getText(), at);
            case VALUE_TRUE -> new JsonBoolean(true, at);
            case VALUE_FALSE -> new JsonBoolean(false, at);
            case VALUE_NULL -> new JsonNull(at);
            default -> throw new IllegalStateException("a blocking text parser does not produce " + token);
        };
    }

    private InvalidJsonException invalid(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException && open.size() >= MAX_NESTING_DEPTH) {
            // Jackson reports no location here; the token being read is the bracket one level too deep.
            return new InvalidJsonException(
                    position(parser.currentTokenLocation()), "nested deeper than " + MAX_NESTING_DEPTH + " levels");
        }
        JsonLocation location = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        if (e instanceof JsonEOFException eof && !open.isEmpty()) {
            return new InvalidJsonException(position(location), endOfFile(eof.getTokenBeingDecoded()));
        }
        return new InvalidJsonException(position(location), e.getOriginalMessage());
    }

    /** Names the innermost unclosed object or array, which Jackson's message does not locate usefully. */
    private String endOfFile(JsonToken tokenBeingDecoded) {
        ContainerBuilder innermost = open.element();
        boolean inString = tokenBeingDecoded == JsonToken.VALUE_STRING || tokenBeingDecoded == JsonToken.FIELD_NAME;
        return "unexpected end of file" + (inString ? " inside a string" : "")
                + "; the " + innermost.name() + " opened at line " + innermost.start.line()
                + ", column " + innermost.start.column()
                + (innermost.path.isEmpty() ? "" : " (" + innermost.path + ")") + " is not closed";
    }

    private static Position position(JsonLocation location) {
        return new Position(Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0));
    }

    /** An object or array whose closing token has not been read yet. */
    private abstract static class ContainerBuilder {

        final Position start;
        final String path;

        ContainerBuilder(Position start, String path) {
            this.start = start;
            this.path = path;
        }

        abstract String name();

        abstract String childPath();

        abstract void add(JsonValue value, ProblemCollector problems);

        abstract JsonValue build();
    }

    private static final class ObjectBuilder extends ContainerBuilder {

        private final Map<String, Member> members = new LinkedHashMap<>();
        private String key;
        private Position keyPosition;

        ObjectBuilder(Position start, String path) {
            super(start, path);
        }

        void key(String key, Position at) {
            this.key = key;
            this.keyPosition = at;
        }

        @Override
        String name() {
            return "object";
        }

        @Override
        String childPath() {
            return JsonPath.key(path, key);
        }

        @Override
        void add(JsonValue value, ProblemCollector problems) {
            Member earlier = members.put(key, new Member(key, keyPosition, value));
            if (earlier != null) {
                problems.warn(
                        keyPosition,
                        childPath(),
                        "duplicate key \"" + key + "\": this value is kept, the one at line "
                                + earlier.keyPosition().line() + ", column "
                                + earlier.keyPosition().column() + " is ignored");
            }
        }

        @Override
        JsonValue build() {
            return new JsonObject(members, start);
        }
    }

    private static final class ArrayBuilder extends ContainerBuilder {

        private final List<JsonValue> items = new ArrayList<>();

        ArrayBuilder(Position start, String path) {
            super(start, path);
        }

        @Override
        String name() {
            return "array";
        }

        @Override
        String childPath() {
            return JsonPath.index(path, items.size());
        }

        @Override
        void add(JsonValue value, ProblemCollector problems) {
            items.add(value);
        }

        @Override
        JsonValue build() {
            return new JsonArray(items, start);
        }
    }
}
