package io.slipway.gateway.messaging;

import io.slipway.contract.RunEvent;

/** Where the inbox hands a run's events to be stored; the side that stores them implements it. */
public interface RunEventSink {

    /** Stores the event, or ignores it when it was stored before. */
    void store(RunEvent event);
}
