package io.slipway.runtime;

/** A log read under way; closing it ends the read on the engine's side too. Safe to close more than once. */
@FunctionalInterface
public interface LogFollow extends AutoCloseable {

    @Override
    void close();
}
