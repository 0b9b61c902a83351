package io.slipway.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable maps that keep the order of the file they came from ({@link Map#copyOf} does not). */
final class OrderedMaps {

    private OrderedMaps() {}

    static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
