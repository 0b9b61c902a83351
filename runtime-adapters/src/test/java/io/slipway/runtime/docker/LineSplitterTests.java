package io.slipway.runtime.docker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTests {

    private final List<String> lines = new ArrayList<>();
    private final LineSplitter splitter = new LineSplitter(lines::add);

    @Test
    void deliversEachLineAsSoonAsItEnds() {
        splitter.accept("one\ntw".getBytes(UTF_8));
        assertThat(lines).containsExactly("one");

        splitter.accept("o\nthree\n".getBytes(UTF_8));
        assertThat(lines).containsExactly("one", "two", "three");
    }

    @Test
    void keepsEmptyLinesAndDropsCarriageReturns() {
        splitter.accept("a\r\n\nb\n".getBytes(UTF_8));

        assertThat(lines).containsExactly("a", "", "b");
    }

    @Test
    void flushDeliversAnUnterminatedLastLine() {
        splitter.accept("no newline".getBytes(UTF_8));
        assertThat(lines).isEmpty();

        splitter.flush();
        splitter.flush();
        assertThat(lines).containsExactly("no newline");
    }

    @Test
    void decodesCharactersSplitAcrossChunks() {
        byte[] text = "héllo\n".getBytes(UTF_8);
        splitter.accept(java.util.Arrays.copyOfRange(text, 0, 2));
        splitter.accept(java.util.Arrays.copyOfRange(text, 2, text.length));

        assertThat(lines).containsExactly("héllo");
    }

    @Test
    void cutsOverlongLines() {
        splitter.accept(new byte[LineSplitter.MAX_LINE_BYTES + 10]);
        splitter.flush();

        assertThat(lines).extracting(String::length).containsExactly(LineSplitter.MAX_LINE_BYTES, 10);
    }
}
