package io.slipway.runtime.testing;

import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.OutputListener;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Builds tiny images {@code FROM} the base image and removes them (and any other image handed to
 * {@link #track}) on {@link #close()}.
 */
public final class TestImages implements AutoCloseable {

    /** Prints each of its arguments on a line of its own. */
    public static final String ECHO_ARGS = "/bin/echo-args";

    public static final String ECHO_ARGS_SCRIPT = "#!/bin/sh\nfor arg in \"$@\"; do echo \"$arg\"; done\n";
    /** Runs its arguments as a command: an entrypoint that lets a task do anything. */
    public static final String RUN_ARGS = "/bin/run-args";

    public static final String RUN_ARGS_SCRIPT = "#!/bin/sh\nexec \"$@\"\n";

    private final ContainerRuntime runtime;
    private final List<String> references = new ArrayList<>();

    public TestImages(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /** Builds {@code context} under a fresh {@code slipway-test/...} tag and returns the tag. */
    public String build(BuildContext context) {
        return build(context, OutputListener.ignoring());
    }

    public String build(BuildContext context, OutputListener output) {
        String tag = uniqueReference("img");
        runtime.buildImage(new ByteArrayInputStream(context.toTar()), track(tag), output);
        return tag;
    }

    /** {@code ENTRYPOINT ["/bin/echo-args"]}, {@code CMD ["default"]}. */
    public String echoArgs() {
        return build(BuildContext.fromBaseImage(
                        "COPY echo-args " + ECHO_ARGS, "ENTRYPOINT [\"" + ECHO_ARGS + "\"]", "CMD [\"default\"]")
                .executable("echo-args", ECHO_ARGS_SCRIPT));
    }

    /** A fresh {@code slipway-test/<prefix>-<random>:latest}, not yet tracked. */
    public static String uniqueReference(String prefix) {
        return "slipway-test/" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ":latest";
    }

    /** Removes {@code reference} on close too; returns it. */
    public String track(String reference) {
        references.add(reference);
        return reference;
    }

    @Override
    public void close() {
        List<String> failures = new ArrayList<>();
        // Newest first: an image built on another goes before it.
        Collections.reverse(references);
        for (String reference : references) {
            try {
                runtime.removeImage(reference);
            } catch (ContainerRuntimeException e) {
                failures.add(reference + ": " + e.getMessage());
            }
        }
        references.clear();
        if (!failures.isEmpty()) {
            throw new AssertionError("test images left behind: " + failures);
        }
    }
}
