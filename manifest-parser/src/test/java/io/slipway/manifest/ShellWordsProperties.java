package io.slipway.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever the command, {@link ShellWords#split} returns words or throws {@link CommandSyntaxException}. */
class ShellWordsProperties {

    @Property(tries = 500)
    void anyStringSplitsOrIsRejected(@ForAll @Size(max = 300) String command) {
        splitsOrIsRejected(command);
    }

    @Property(tries = 1000)
    void shellLikeStringsSplitOrAreRejected(@ForAll("shellLikeText") String command) {
        splitsOrIsRejected(command);
    }

    @Property(tries = 500)
    void singleQuotingAnyWordsGivesThemBack(@ForAll @Size(max = 8) List<String> words) {
        String command = words.stream().map(ShellWordsProperties::singleQuoted).collect(Collectors.joining(" \t"));

        assertThat(ShellWords.split(command)).isEqualTo(words);
    }

    @Property(tries = 500)
    void wordsWithoutSpecialCharactersSplitOnBlanks(@ForAll("plainText") String command) {
        List<String> expected = Arrays.stream(command.split("[ \t\n]+"))
                .filter(word -> !word.isEmpty())
                .toList();

        assertThat(ShellWords.split(command)).isEqualTo(expected);
    }

    private static void splitsOrIsRejected(String command) {
        try {
            assertThat(ShellWords.split(command)).doesNotContainNull();
        } catch (CommandSyntaxException e) {
            assertThat(e.position()).isBetween(1, command.length());
        }
    }

    /** 'it'\''s' is how a shell quotes a single quote inside single quotes. */
    private static String singleQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    @Provide
    Arbitrary<String> shellLikeText() {
        return Arbitraries.of("a", "bc", " ", "\t", "\n", "'", "\"", "\\", "$", "`", "#", "''", "\"\"", "é")
                .list()
                .ofMaxSize(80)
                .map(tokens -> String.join("", tokens));
    }

    @Provide
    Arbitrary<String> plainText() {
        return Arbitraries.strings().withChars("abc-_=./:$ \t\n").ofMaxLength(60);
    }
}
