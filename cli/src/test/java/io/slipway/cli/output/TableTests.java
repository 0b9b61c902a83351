package io.slipway.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTests {

    @Test
    void alignsEachColumnToItsWidestCellAndLeavesNoTrailingSpace() {
        String text = new Table("NAME", "STATE", "RELEASE")
                .row("web-shop", "running", "shop:1")
                .row("a", null, "")
                .render(new Style(false));

        assertThat(text).isEqualTo("NAME      STATE    RELEASE\n" + "web-shop  running  shop:1\n" + "a\n");
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() {
        assertThat(Style.of(true, Map.of()).colour()).isTrue();
        assertThat(Style.of(false, Map.of()).colour()).isFalse();
        assertThat(Style.of(true, Map.of("NO_COLOR", "1")).colour()).isFalse();
        assertThat(Style.of(true, Map.of()).status("FAILED")).contains("\u001b[31m");
        assertThat(new Style(false).status("FAILED")).isEqualTo("FAILED");
    }

    @Test
    void durationsAreShort() {
        java.time.Instant start = java.time.Instant.parse("2026-01-01T00:00:00Z");

        assertThat(Times.duration(start, start.plusMillis(1234))).isEqualTo("1.2s");
        assertThat(Times.duration(start, start.plusSeconds(125))).isEqualTo("2m5s");
        assertThat(Times.duration(start, null)).isEmpty();
    }
}
