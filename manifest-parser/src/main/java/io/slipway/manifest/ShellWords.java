package io.slipway.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command into words as a POSIX shell does, without any expansion ({@code $VAR}, globs and
 * {@code ~} stay as written) and without operators ({@code &&}, {@code |}, {@code ;} become words):
 * a task command run through an image's entrypoint gets exactly the arguments the author quoted.
 *
 * <ul>
 *   <li>words are separated by spaces, tabs and newlines;
 *   <li>single quotes keep everything up to the next single quote;
 *   <li>in double quotes a backslash escapes only {@code $ ` " \} and a newline (removed); elsewhere it stays;
 *   <li>outside quotes a backslash keeps the next character, and a backslash-newline is removed;
 *   <li>quoted and unquoted parts next to each other make one word, and {@code ""} is one empty word;
 *   <li>a {@code #} that starts a word starts a comment, up to the end of the line.
 * </ul>
 */
public final class ShellWords {

    private ShellWords() {}

    /** @throws CommandSyntaxException on an unterminated quote or a trailing lone backslash */
    public static List<String> split(String command) {
        return new Splitter(command).words();
    }

    private static final class Splitter {

        private final String command;
        private final List<String> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private boolean inWord;
        private int i;

        Splitter(String command) {
            this.command = command;
        }

        List<String> words() {
            while (i < command.length()) {
                char c = command.charAt(i);
                switch (c) {
                    case ' ', '\t', '\n' -> endWord();
                    case '\\' -> escape();
                    case '\'' -> singleQuoted();
                    case '"' -> doubleQuoted();
                    case '#' -> {
                        if (inWord) {
                            word.append(c);
                        } else {
                            skipComment();
                        }
                    }
                    default -> {
                        word.append(c);
                        inWord = true;
                    }
                }
                i++;
            }
            endWord();
            return List.copyOf(words);
        }

        private void endWord() {
            if (inWord) {
                words.add(word.toString());
                word.setLength(0);
                inWord = false;
            }
        }

        /** On entry {@code i} is at the backslash; on exit at the escaped character. */
        private void escape() {
            if (i + 1 == command.length()) {
                throw new CommandSyntaxException("trailing backslash", i + 1);
            }
            i++;
            if (command.charAt(i) != '\n') {
                word.append(command.charAt(i));
                inWord = true;
            }
        }

        /** On entry {@code i} is at the opening quote; on exit at the closing one. */
        private void singleQuoted() {
            int close = command.indexOf('\'', i + 1);
            if (close < 0) {
                throw new CommandSyntaxException("unterminated single quote", i + 1);
            }
            word.append(command, i + 1, close);
            inWord = true;
            i = close;
        }

        /** On entry {@code i} is at the opening quote; on exit at the closing one. */
        private void doubleQuoted() {
            int open = i;
            for (i = open + 1; i < command.length(); i++) {
                char c = command.charAt(i);
                if (c == '"') {
                    inWord = true;
                    return;
                }
                if (c == '\\' && i + 1 < command.length() && "$`\"\\\n".indexOf(command.charAt(i + 1)) >= 0) {
                    i++;
                    if (command.charAt(i) != '\n') {
                        word.append(command.charAt(i));
                    }
                } else {
                    word.append(c);
                }
            }
            throw new CommandSyntaxException("unterminated double quote", open + 1);
        }

        /** On exit {@code i} is at the newline ending the comment, or at the last character. */
        private void skipComment() {
            int newline = command.indexOf('\n', i);
            i = newline < 0 ? command.length() - 1 : newline - 1;
        }
    }
}
