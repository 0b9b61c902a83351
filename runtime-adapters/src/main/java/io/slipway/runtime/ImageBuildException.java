package io.slipway.runtime;

/** A build from a context failed; the message is the builder's error. */
public class ImageBuildException extends ContainerRuntimeException {

    public ImageBuildException(String message) {
        super(message);
    }
}
