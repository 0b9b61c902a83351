package io.slipway.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** POSIX word splitting without expansion. */
class ShellWordsTests {

    record Split(String command, List<String> words) {
        @Override
        public String toString() {
            return "[" + command.replace("\n", "\\n").replace("\t", "\\t") + "]";
        }
    }

    static Stream<Split> splits() {
        return Stream.of(
                new Split("echo \"a b\" c", List.of("echo", "a b", "c")),
                new Split("", List.of()),
                new Split(" \t\n ", List.of()),
                new Split("  ls   -la  ", List.of("ls", "-la")),
                new Split("a\tb\nc", List.of("a", "b", "c")),
                new Split("'a  b' 'it''s'", List.of("a  b", "its")),
                new Split("'$HOME \\n \"x\"'", List.of("$HOME \\n \"x\"")),
                new Split("a\"b c\"d", List.of("ab cd")),
                new Split("x'y'\"z\"", List.of("xyz")),
                new Split("\"\"", List.of("")),
                new Split("''", List.of("")),
                new Split("a \"\" b", List.of("a", "", "b")),
                new Split("\"\"''", List.of("")),
                new Split("\"\\$PORT \\` \\\" \\\\\"", List.of("$PORT ` \" \\")),
                new Split("\"\\n \\a \\'\"", List.of("\\n \\a \\'")),
                new Split("\"line\\\njoined\"", List.of("linejoined")),
                new Split("\"two\nlines\"", List.of("two\nlines")),
                new Split("a\\ b", List.of("a b")),
                new Split("\\\"quoted\\\"", List.of("\"quoted\"")),
                new Split("\\'", List.of("'")),
                new Split("\\\\", List.of("\\")),
                new Split("one\\\ntwo", List.of("onetwo")),
                new Split("one \\\n two", List.of("one", "two")),
                new Split("echo $HOME ${PORT:-5000} ~ *.txt", List.of("echo", "$HOME", "${PORT:-5000}", "~", "*.txt")),
                new Split(
                        "migrate && seed | tee log; done",
                        List.of("migrate", "&&", "seed", "|", "tee", "log;", "done")),
                new Split("run # the rest is a comment", List.of("run")),
                new Split("run # comment\nnext", List.of("run", "next")),
                new Split("issue#12 '#' \"#\" \\#", List.of("issue#12", "#", "#", "#")),
                new Split("sh -c \"echo 'hi there' && exit 0\"", List.of("sh", "-c", "echo 'hi there' && exit 0")),
                new Split(
                        "REDIS_URL='redis://' python manage.py migrate",
                        List.of("REDIS_URL=redis://", "python", "manage.py", "migrate")),
                new Split("échô «ü»", List.of("échô", "«ü»")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void splitsLikeAPosixShell(Split input) {
        assertThat(ShellWords.split(input.command())).isEqualTo(input.words());
    }

    record Unsplittable(String command, int position, String message) {
        @Override
        public String toString() {
            return command;
        }
    }

    static Stream<Unsplittable> unsplittable() {
        return Stream.of(
                new Unsplittable("echo 'abc", 6, "unterminated single quote at character 6"),
                new Unsplittable("echo \"abc", 6, "unterminated double quote at character 6"),
                new Unsplittable("\"", 1, "unterminated double quote at character 1"),
                new Unsplittable("'", 1, "unterminated single quote at character 1"),
                new Unsplittable("a \"b\\\"", 3, "unterminated double quote at character 3"),
                new Unsplittable("a \"b\\", 3, "unterminated double quote at character 3"),
                new Unsplittable("echo abc\\", 9, "trailing backslash at character 9"),
                new Unsplittable("\\", 1, "trailing backslash at character 1"),
                new Unsplittable("'a' \"b\" 'c", 9, "unterminated single quote at character 9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsplittable")
    void rejectsUnterminatedQuotesAndTrailingBackslashes(Unsplittable input) {
        assertThatExceptionOfType(CommandSyntaxException.class)
                .isThrownBy(() -> ShellWords.split(input.command()))
                .withMessage(input.message())
                .satisfies(e -> assertThat(e.position()).isEqualTo(input.position()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
