package io.slipway.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The bounds of a run request. Each problem names its field; none echoes a variable's value, which may be a secret.
 */
public final class RunRequestCheck {

    /** The longest command, in UTF-8 bytes. */
    public static final int MAX_COMMAND_BYTES = 64 * 1024;

    /** Variables one run may add. */
    public static final int MAX_VARIABLES = 1000;

    /** The longest value of one variable, as the app's config keeps them. */
    public static final int MAX_VALUE_LENGTH = 65536;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

    private RunRequestCheck() {}

    /** @throws BadRunRequestException naming the first field that is wrong */
    public static void check(RunRequest request) {
        if (request == null || request.command() == null || request.command().isBlank()) {
            throw new BadRunRequestException("command: a command is required");
        }
        if (request.command().getBytes(StandardCharsets.UTF_8).length > MAX_COMMAND_BYTES) {
            throw new BadRunRequestException("command: at most " + MAX_COMMAND_BYTES + " bytes");
        }
        if (request.command().indexOf('\0') >= 0) {
            throw new BadRunRequestException("command: must not contain a NUL character");
        }
        Long timeout = request.timeoutSeconds();
        if (timeout != null && (timeout < 1 || timeout > TaskTimeout.MAX_SECONDS)) {
            throw new BadRunRequestException(
                    "timeoutSeconds: from 1 to " + TaskTimeout.MAX_SECONDS + " seconds, not " + timeout);
        }
        Map<String, String> env = request.variables();
        if (env.size() > MAX_VARIABLES) {
            throw new BadRunRequestException("env: at most " + MAX_VARIABLES + " variables");
        }
        for (Map.Entry<String, String> variable : env.entrySet()) {
            String name = variable.getKey();
            if (!NAME.matcher(name).matches()) {
                throw new BadRunRequestException("env: variable names match [A-Za-z_][A-Za-z0-9_]* (at most 255)");
            }
            String value = variable.getValue();
            if (value == null) {
                throw new BadRunRequestException("env." + name + ": a string is required");
            }
            if (value.indexOf('\0') >= 0) {
                throw new BadRunRequestException("env." + name + ": must not contain a NUL character");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new BadRunRequestException("env." + name + ": at most " + MAX_VALUE_LENGTH + " characters");
            }
        }
    }
}
