package io.slipway.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.AppLogChannels;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerState;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogLinesTests {

    @Test
    void aLineUpTo16KiBIsKeptWhole() {
        String line = "a".repeat(AppLogChannels.MAX_LINE_BYTES);

        assertThat(LogLines.cut(line)).isEqualTo(line);
    }

    @Test
    void aLongerLineIsCutAt16KiBOnACharactersEdge() {
        // Three bytes each: 16384 is no multiple of 3, so a cut by bytes would split a character.
        String line = "€".repeat(AppLogChannels.MAX_LINE_BYTES);

        String cut = LogLines.cut(line);

        assertThat(cut.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(AppLogChannels.MAX_LINE_BYTES)
                .isGreaterThan(AppLogChannels.MAX_LINE_BYTES - 3);
        assertThat(cut).isEqualTo("€".repeat(cut.length()));
    }

    @Test
    void aProcessIsNamedByItsTypeAndTheNumberInItsContainersName() {
        ContainerInfo web = new ContainerInfo(
                "c1",
                "slipway-shop-web-2-0123abcd",
                "image",
                ContainerState.RUNNING,
                0,
                ContainerLabels.process("shop", "0123abcd-0000", "web"));

        assertThat(ProcessNames.of(web)).isEqualTo("web.2");
    }
}
