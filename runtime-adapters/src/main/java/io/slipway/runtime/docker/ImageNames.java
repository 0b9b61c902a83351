package io.slipway.runtime.docker;

import java.util.List;

/** Image references and ids, normalised to one spelling whatever the engine answered. */
final class ImageNames {

    private static final String DIGEST_PREFIX = "sha256:";
    private static final List<String> PODMAN_QUALIFIERS = List.of("localhost/", "docker.io/library/", "docker.io/");

    private ImageNames() {}

    /** Podman answers image ids without the {@code sha256:} prefix Docker uses. */
    static String normaliseId(String id) {
        return id.startsWith(DIGEST_PREFIX) ? id : DIGEST_PREFIX + id;
    }

    /**
     * Podman reports the image of a container fully qualified: {@code localhost/} for local images,
     * {@code docker.io/} (and {@code docker.io/library/}) for the rest. Docker reports it as it was
     * given, which is what callers compare with.
     */
    static String asGiven(String podmanName) {
        for (String prefix : PODMAN_QUALIFIERS) {
            if (podmanName.startsWith(prefix)) {
                return podmanName.substring(prefix.length());
            }
        }
        return podmanName;
    }

    /** Splits {@code registry:5000/name:tag} into repository and tag; the tag defaults to {@code latest}. */
    static Reference split(String reference) {
        int lastSlash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        return colon > lastSlash
                ? new Reference(reference.substring(0, colon), reference.substring(colon + 1))
                : new Reference(reference, "latest");
    }

    record Reference(String repository, String tag) {}
}
