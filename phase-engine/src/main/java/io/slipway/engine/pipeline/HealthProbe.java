package io.slipway.engine.pipeline;

/**
 * Makes one attempt of a {@link WebCheck} against one web container; the pipeline decides what to
 * attempt, how often, and what the outcome means. Implementations never throw for an app that does not
 * answer: that is a failed attempt with its response.
 */
public interface HealthProbe {

    /**
     * @param containerId the container, for checks run inside it
     * @param address its published address on the host's loopback ({@code 127.0.0.1:49153})
     */
    Attempt attempt(WebCheck check, String containerId, String address);

    /**
     * One attempt's outcome.
     *
     * @param response what the app answered, short: a status line and the start of the body, a command's
     *     exit code and output, or why nothing answered
     * @param unanswered it failed because nothing answered on the port at all (refused, or closed at once): an app
     *     still starting, where an answer that came late or wrong is not
     */
    record Attempt(boolean passed, String response, boolean unanswered) {

        Attempt(boolean passed, String response) {
            this(passed, response, false);
        }

        static Attempt passed(String response) {
            return new Attempt(true, response);
        }

        static Attempt failed(String response) {
            return new Attempt(false, response);
        }

        static Attempt unanswered(String response) {
            return new Attempt(false, response, true);
        }
    }
}
