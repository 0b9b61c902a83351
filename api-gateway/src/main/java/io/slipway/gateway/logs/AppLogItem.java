package io.slipway.gateway.logs;

/** What an app's log stream carries: lines, the releases it moved to, and a last error. */
public sealed interface AppLogItem {

    record Line(AppLogLine line) implements AppLogItem {}

    /** The stream moved to the containers of this deployment. */
    record Release(String deploymentId) implements AppLogItem {}

    /** The stream broke off; nothing follows. */
    record Error(String detail) implements AppLogItem {}
}
