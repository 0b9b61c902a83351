package io.slipway.runtime;

/** An image reference the engine does not have (no registry is consulted). */
public class ImageNotFoundException extends ContainerRuntimeException {

    public ImageNotFoundException(String image) {
        super("image not found: " + image);
    }
}
