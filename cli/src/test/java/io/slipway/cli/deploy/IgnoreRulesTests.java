package io.slipway.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IgnoreRulesTests {

    @Test
    void aPatternIgnoresTheFileAndEverythingBelowAMatchingDirectory() {
        IgnoreRules rules = IgnoreRules.parse("secret.txt\nnode_modules\n");

        assertThat(rules.ignores("secret.txt")).isTrue();
        assertThat(rules.ignores("node_modules/left-pad/index.js")).isTrue();
        assertThat(rules.ignores("src/secret.txt"))
                .as("patterns are relative to the root")
                .isFalse();
        assertThat(rules.ignores("app.js")).isFalse();
    }

    @Test
    void starsMatchWithinOneNameAndDoubleStarsAcrossDirectories() {
        IgnoreRules rules = IgnoreRules.parse("*.log\n**/*.tmp\ndocs/*/draft.md\n");

        assertThat(rules.ignores("build.log")).isTrue();
        assertThat(rules.ignores("logs/build.log")).as("* does not cross /").isFalse();
        assertThat(rules.ignores("a/b/c/x.tmp")).isTrue();
        assertThat(rules.ignores("x.tmp")).as("**/ also matches no directory").isTrue();
        assertThat(IgnoreRules.parse("a/**/b").ignores("a/b")).isTrue();
        assertThat(IgnoreRules.parse("a/**/b").ignores("a/x/y/b")).isTrue();
        assertThat(rules.ignores("docs/v1/draft.md")).isTrue();
        assertThat(rules.ignores("docs/v1/v2/draft.md")).isFalse();
    }

    @Test
    void theLastMatchingPatternWinsAndAnExclamationMarkIncludesAgain() {
        IgnoreRules rules = IgnoreRules.parse("*.md\n!README.md\nREADME*\n!README-keep.md\n");

        assertThat(rules.ignores("CHANGES.md")).isTrue();
        assertThat(rules.ignores("README.md"))
                .as("README* comes after !README.md")
                .isTrue();
        assertThat(rules.ignores("README-keep.md")).isFalse();
        assertThat(rules.mayReinclude()).isTrue();
    }

    @Test
    void commentsBlankLinesLeadingSlashesAndDotsAreDockersCleanedPatterns() {
        IgnoreRules rules = IgnoreRules.parse("# a comment\n\n  /tmp  \n./cache/../build\n");

        assertThat(rules.ignores("# a comment")).isFalse();
        assertThat(rules.ignores("tmp/x")).isTrue();
        assertThat(rules.ignores("build/out.bin")).isTrue();
        assertThat(rules.ignores("cache")).isFalse();
        assertThat(rules.mayReinclude()).isFalse();
    }

    @Test
    void theDockerfileAndTheIgnoreFileAreAlwaysSentAsTheDockerCliSendsThem() {
        IgnoreRules rules = IgnoreRules.parse("*\n");

        assertThat(rules.ignores("Dockerfile")).isFalse();
        assertThat(rules.ignores(".dockerignore")).isFalse();
        assertThat(rules.ignores("app.json")).isTrue();
    }

    @Test
    void characterClassesAndQuestionMarksFollowGosMatch() {
        IgnoreRules rules = IgnoreRules.parse("file[0-9].txt\n?.bak\n");

        assertThat(rules.ignores("file7.txt")).isTrue();
        assertThat(rules.ignores("fileA.txt")).isFalse();
        assertThat(rules.ignores("a.bak")).isTrue();
        assertThat(rules.ignores("ab.bak")).isFalse();
    }
}
