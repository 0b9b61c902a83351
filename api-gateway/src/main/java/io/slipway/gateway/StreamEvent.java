package io.slipway.gateway;

/**
 * One event of a deployment's logs stream: a line of output or a phase change. Both are numbered by
 * the same {@code seq}, which is also the event's SSE id, so one Last-Event-ID resumes both.
 */
public sealed interface StreamEvent permits LogEvent, PhaseEvent {

    long seq();
}
