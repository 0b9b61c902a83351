package io.slipway.runtime.docker;

import io.slipway.runtime.ImageDetails;
import java.util.Map;

/** An image's configuration: the public {@link ImageDetails} plus the labels a commit must restore. */
record ImageConfig(ImageDetails details, Map<String, String> labels) {

    ImageConfig {
        labels = Map.copyOf(labels);
    }
}
