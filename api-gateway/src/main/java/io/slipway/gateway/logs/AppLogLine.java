package io.slipway.gateway.logs;

import io.slipway.contract.AppLogEvent;
import java.time.Instant;

/** One line of an app's logs as the API shows it: the data of an unnamed event of the app's log stream. */
public record AppLogLine(
        String process, String type, String containerId, String deploymentId, String stream, String line, Instant at) {

    static AppLogLine of(AppLogEvent.Line line) {
        return new AppLogLine(
                line.process(),
                line.processType(),
                line.containerId(),
                line.deploymentId(),
                line.stream().name(),
                line.line(),
                line.at());
    }
}
