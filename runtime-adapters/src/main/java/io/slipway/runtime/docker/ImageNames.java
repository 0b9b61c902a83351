package io.slipway.runtime.docker;

/** Image references and ids, normalised to one spelling whatever the engine answered. */
final class ImageNames {

    private static final String DIGEST_PREFIX = "sha256:";

    private ImageNames() {}

    /** Podman answers image ids without the {@code sha256:} prefix Docker uses. */
    static String normaliseId(String id) {
        return id.startsWith(DIGEST_PREFIX) ? id : DIGEST_PREFIX + id;
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
