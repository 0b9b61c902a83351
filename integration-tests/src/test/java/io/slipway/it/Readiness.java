package io.slipway.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Waits for a packaged service the tests started until its readiness check answers 200. */
final class Readiness {

    private Readiness() {}

    /**
     * @param what the service, as a failure names it
     * @param log its output, shown when it exits or never becomes ready
     */
    static void await(String what, Process process, URI base, Path log, Duration timeout)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        what + " exited with " + process.exitValue() + "; its log:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + " did not become ready in " + timeout + "; its log:\n" + Files.readString(log));
    }
}
