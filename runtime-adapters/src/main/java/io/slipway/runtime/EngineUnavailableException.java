package io.slipway.runtime;

/** No engine answered, or the one in use stopped answering. */
public class EngineUnavailableException extends ContainerRuntimeException {

    public EngineUnavailableException(String message) {
        super(message);
    }

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
