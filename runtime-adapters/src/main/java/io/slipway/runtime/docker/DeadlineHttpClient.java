package io.slipway.runtime.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A transport whose every request, answer included, ends within a deadline. docker-java's unix
 * socket ignores socket timeouts (a read on it blocks until the engine answers, forever for a paused
 * engine), so each request runs on a thread of a bounded pool while the caller waits at most the
 * deadline; at the deadline the request's thread is interrupted, which closes its connection.
 *
 * <p>The answer is read whole before it is handed over: only for calls whose answer is small.
 */
final class DeadlineHttpClient implements DockerHttpClient {

    private final DockerHttpClient transport;
    private final Duration deadline;
    private final ThreadPoolExecutor requests;

    /** @param maxRequests how many requests may wait for the engine at once; more fail at once */
    DeadlineHttpClient(DockerHttpClient transport, Duration deadline, int maxRequests, String name) {
        this.transport = transport;
        this.deadline = deadline;
        this.requests =
                new ThreadPoolExecutor(0, maxRequests, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, name);
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public Response execute(Request request) {
        Future<Response> answer;
        try {
            answer = requests.submit(() -> read(transport.execute(request)));
        } catch (RejectedExecutionException e) {
            throw new UncheckedIOException(new IOException(
                    requests.isShutdown()
                            ? "the engine client is closed"
                            : "too many requests are waiting for the engine (" + requests.getMaximumPoolSize() + ")"));
        }
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new UncheckedIOException(new SocketTimeoutException("no answer within " + describe(deadline)));
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while waiting for the engine"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(cause);
        }
    }

    private static Response read(Response response) throws IOException {
        try (response) {
            return new ReadAnswer(
                    response.getStatusCode(),
                    response.getHeaders(),
                    response.getBody().readAllBytes());
        }
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    @Override
    public void close() throws IOException {
        requests.shutdownNow();
        transport.close();
    }

    private record ReadAnswer(int statusCode, Map<String, List<String>> headers, byte[] body) implements Response {

        @Override
        public int getStatusCode() {
            return statusCode;
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return headers;
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
            // Nothing is held: the answer was read whole.
        }
    }
}
