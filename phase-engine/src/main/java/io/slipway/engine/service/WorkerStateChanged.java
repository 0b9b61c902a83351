package io.slipway.engine.service;

/** A deployment ended or an app was removed: what a worker reports has changed, so it reports now. */
public record WorkerStateChanged() {}
