package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentEvent.Log;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.LogStream;
import io.slipway.contract.PhaseName;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRecorderTests {

    private final List<DeploymentEvent> events = new ArrayList<>();
    private final EventRecorder recorder =
            new EventRecorder("d-1", "shop", events::add, Clock.systemUTC(), ConfigRedaction.of(Map.of()), 3);

    @Test
    void outputPastTheCapIsDroppedAndCountedInOneLineBeforeTheEnd() {
        recorder.started();
        recorder.log(Phase.PREDEPLOY, LogStream.STDOUT, "1");
        recorder.log(Phase.PREDEPLOY, LogStream.STDERR, "2");
        recorder.log(Phase.PREDEPLOY, LogStream.STDOUT, "3");
        recorder.log(Phase.PREDEPLOY, LogStream.STDOUT, "4");
        recorder.log(Phase.RELEASE, LogStream.SYSTEM, "no command in Procfile release; skipped");
        recorder.log(Phase.POSTDEPLOY, LogStream.STDERR, "5");
        recorder.finished(DeploymentStatus.SUCCEEDED, null, "slipway/shop:release-d-1");

        assertThat(events).extracting(DeploymentEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(events)
                .filteredOn(Log.class::isInstance)
                .map(Log.class::cast)
                .extracting(Log::phase, Log::stream, Log::line)
                .containsExactly(
                        tuple(PhaseName.PREDEPLOY, LogStream.STDOUT, "1"),
                        tuple(PhaseName.PREDEPLOY, LogStream.STDERR, "2"),
                        tuple(PhaseName.PREDEPLOY, LogStream.STDOUT, "3"),
                        tuple(PhaseName.RELEASE, LogStream.SYSTEM, "no command in Procfile release; skipped"),
                        tuple(
                                PhaseName.POSTDEPLOY,
                                LogStream.SYSTEM,
                                "output reached the cap of 3 lines: the 2 lines after it were dropped"));
        assertThat(events.get(6)).isInstanceOf(DeploymentEvent.Finished.class);
    }

    @Test
    void outputWithinTheCapEndsWithoutANote() {
        recorder.log(Phase.RELEASE, LogStream.STDOUT, "1");
        recorder.log(Phase.RELEASE, LogStream.STDOUT, "2");
        recorder.log(Phase.RELEASE, LogStream.STDOUT, "3");
        recorder.finished(DeploymentStatus.FAILED, "release: exited with code 1", null);

        assertThat(events).hasSize(4);
        assertThat(events.get(3)).isInstanceOf(DeploymentEvent.Finished.class);
    }

    @Test
    void aRecorderOfADeploymentBegunElsewhereNumbersItsEndAfterTheLastStoredEvent() {
        RecordedPipelines.over(new RecordingRuntime())
                .recorderAfter("d-2", "shop", 7, events::add)
                .finished(DeploymentStatus.FAILED, "interrupted", null);

        assertThat(events).extracting(DeploymentEvent::seq).containsExactly(8L);
    }
}
