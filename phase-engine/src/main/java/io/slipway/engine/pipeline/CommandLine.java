package io.slipway.engine.pipeline;

import io.slipway.manifest.ShellWords;
import io.slipway.runtime.ImageDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a task or process command from the manifests into the {@code Cmd} of its container, the
 * way the root README says: an image with a real entrypoint receives the command's words as arguments,
 * as-is; any other image runs it under a shell.
 */
public final class CommandLine {

    private CommandLine() {}

    /**
     * @param shell the shell prefix, e.g. {@code ["/bin/sh", "-c"]}
     * @throws io.slipway.manifest.CommandSyntaxException when the words cannot be split
     */
    public static List<String> containerCmd(String command, ImageDetails image, List<String> shell) {
        if (image.hasEntrypoint() && !isInitWrapper(image.entrypoint())) {
            return ShellWords.split(command);
        }
        List<String> cmd = new ArrayList<>(shell);
        cmd.add(command);
        return List.copyOf(cmd);
    }

    /**
     * A tini entrypoint only reaps and forwards signals; the command behind it still needs a shell,
     * as with an image that has no entrypoint at all.
     */
    static boolean isInitWrapper(List<String> entrypoint) {
        String program = entrypoint.get(0);
        String name = program.substring(program.lastIndexOf('/') + 1);
        return name.equals("tini") || name.equals("tini-static") || name.equals("docker-init");
    }
}
