package io.slipway.manifest;

import java.util.Collection;
import java.util.Optional;

/**
 * What a process type is, in one place: a Procfile name ({@code [A-Za-z0-9_-]}, at most
 * {@value #MAX_NAME_LENGTH} characters, case-sensitive) other than {@value Procfile#RELEASE}, which
 * names the release task. The gateway checks a requested scale with these rules, the engine the
 * scale it deploys.
 */
public final class ProcessTypes {

    /** The type that runs by default ({@code web=1}), with the image's own command when the Procfile has none. */
    public static final String WEB = "web";

    public static final int MAX_NAME_LENGTH = 63;

    private ProcessTypes() {}

    /** Whether {@code name} is a well-formed Procfile name. */
    public static boolean isName(String name) {
        return !name.isEmpty()
                && name.length() <= MAX_NAME_LENGTH
                && NameCharacters.leadingNameLength(name) == name.length();
    }

    /**
     * Why {@code type} cannot run {@code quantity} containers, if it cannot: {@value Procfile#RELEASE}
     * is the release task, so it can only be "scaled" to 0.
     */
    public static Optional<String> scaleProblem(String type, int quantity) {
        return type.equals(Procfile.RELEASE) && quantity > 0
                ? Optional.of("release is the release task, not a process type: it cannot be scaled")
                : Optional.empty();
    }

    /**
     * Why a release cannot run {@code quantity} containers of {@code type}, if it cannot: a type other than
     * {@value #WEB} needs an entry in the release's Procfile ({@code web} without one runs the image's own command).
     * The engine checks the scale it deploys with it, the gateway a scale requested for the current release.
     *
     * @param procfileTypes the process types of the release's Procfile
     */
    public static Optional<String> absenceProblem(String type, int quantity, Collection<String> procfileTypes) {
        return quantity > 0 && !type.equals(WEB) && !procfileTypes.contains(type)
                ? Optional.of("process type '" + type + "' is not in the Procfile")
                : Optional.empty();
    }
}
