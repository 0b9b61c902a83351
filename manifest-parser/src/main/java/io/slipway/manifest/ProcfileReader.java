package io.slipway.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Procfile with procfile-util's grammar (the one Dokku uses), reporting every bad line rather than the
 * first. Two choices of ours: a trailing comment starts at the first {@code #} or {@code //} that follows white
 * space (as a shell comment would; procfile-util takes the last), and {@code name:} with nothing after it is an
 * empty command rather than an unrecognised line.
 */
final class ProcfileReader {

    private ProcfileReader() {}

    /** The parsed file; when errors were recorded the result is incomplete and must not be used. */
    static Procfile read(String text, ProblemCollector problems) {
        List<ProcfileEntry> processTypes = new ArrayList<>();
        Optional<String> release = Optional.empty();
        Map<String, Integer> lineOfName = new HashMap<>();
        List<String> lines = text.lines().toList();
        boolean continued = false;
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String raw = lines.get(i);
            String line = raw.strip();
            boolean continuation = continued;
            continued = line.endsWith("\\");
            if (line.isEmpty() || isComment(line)) {
                continue;
            }
            Position at = new Position(lineNumber, raw.indexOf(line.charAt(0)) + 1);
            int nameLength = NameCharacters.leadingNameLength(line);
            if (nameLength == 0 || nameLength == line.length() || line.charAt(nameLength) != ':') {
                problems.error(
                        at,
                        JsonPath.ROOT,
                        continuation
                                ? "not an entry: the line before ends with a backslash, but a command cannot continue on the next line"
                                : "expected \"name: command\" (a name of letters, digits, '_' and '-'), a comment or a blank line");
                continue;
            }
            String name = line.substring(0, nameLength);
            String command = withoutComment(line.substring(nameLength + 1)).strip();
            if (name.length() > ProcessTypes.MAX_NAME_LENGTH) {
                problems.error(
                        at,
                        JsonPath.ROOT,
                        "the process name is longer than " + ProcessTypes.MAX_NAME_LENGTH + " characters");
            } else if (command.isEmpty() || isComment(command)) {
                problems.error(at, JsonPath.ROOT, "no command after \"" + name + ":\"");
            } else if (lineOfName.containsKey(name)) {
                problems.error(
                        at, JsonPath.ROOT, "duplicate name \"" + name + "\", first at line " + lineOfName.get(name));
            } else if (name.equals(Procfile.RELEASE)) {
                release = Optional.of(command);
            } else {
                processTypes.add(new ProcfileEntry(name, command, lineNumber));
            }
            lineOfName.putIfAbsent(name, lineNumber);
        }
        // A file whose lines are all wrong already says why it has no entries.
        if (lineOfName.isEmpty() && !problems.hasErrors()) {
            problems.error(
                    Position.WHOLE_FILE,
                    JsonPath.ROOT,
                    "no entries: a Procfile needs at least one \"name: command\" line");
        }
        return new Procfile(processTypes, release);
    }

    private static boolean isComment(String line) {
        return line.startsWith("#") || line.startsWith("//");
    }

    /** Cuts at the first {@code #} or {@code //} that follows white space. */
    private static String withoutComment(String command) {
        for (int i = 1; i < command.length(); i++) {
            boolean marker = command.charAt(i) == '#' || command.startsWith("//", i);
            if (marker && Character.isWhitespace(command.charAt(i - 1))) {
                return command.substring(0, i - 1);
            }
        }
        return command;
    }
}
