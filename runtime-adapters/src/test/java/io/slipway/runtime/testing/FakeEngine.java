package io.slipway.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for an engine on a unix socket: it answers what connecting asks (ping, version, info)
 * as a Docker 20.10 would, lists the containers it was given, and after {@link #hang()} accepts every
 * request and never answers, as a paused ({@code SIGSTOP}) engine does. For tests of deadlines only:
 * it runs no containers. {@link #hang(Path)} pauses one from anywhere, e.g. one that a Quarkus test
 * profile started in another class loader.
 */
public final class FakeEngine implements AutoCloseable {

    private static final String VERSION = "{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\","
            + "\"Components\":[{\"Name\":\"Engine\",\"Version\":\"20.10.24\"}]}";
    private static final String HANG_REQUEST = "POST /fake-engine/hang";
    private static final String INFO = "{\"SecurityOptions\":[\"name=seccomp\"],\"CgroupVersion\":\"1\"}";

    private final Path socket;
    private final ServerSocketChannel server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<SocketChannel> connections = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean hung;
    private volatile String containers = "[]";

    private FakeEngine(Path socket) throws IOException {
        this.socket = socket;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread acceptor = new Thread(this::accept, "fake-engine-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens at {@code socket}, replacing a stale socket file there. */
    public static FakeEngine listen(Path socket) {
        try {
            return new FakeEngine(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("unix://" + socket.toAbsolutePath());
    }

    /** What {@code GET /containers/json} answers from now on: a JSON array as the engine would send. */
    public void listContainers(String json) {
        containers = json;
    }

    /** From now on no request gets an answer; the connections stay open. */
    public void hang() {
        hung = true;
    }

    /** Whether something accepts connections at {@code socket}. */
    public static boolean listening(Path socket) {
        try (SocketChannel ignored = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Pauses the fake engine listening at {@code socket}, through the socket. */
    public static void hang(Path socket) {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                InputStream in = Channels.newInputStream(channel)) {
            channel.write(java.nio.ByteBuffer.wrap(
                    (HANG_REQUEST + " HTTP/1.1\r\nHost: fake\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            if (readHead(in) == null) {
                throw new IOException("the fake engine at " + socket + " did not confirm");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The method and path (with query) of every request received, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                connections.add(connection);
                Thread serving = new Thread(() -> serve(connection), "fake-engine-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException closedServer) {
                return;
            }
        }
    }

    private void serve(SocketChannel connection) {
        try (InputStream in = Channels.newInputStream(connection);
                OutputStream out = Channels.newOutputStream(connection)) {
            String requestLine;
            while ((requestLine = readHead(in)) != null) {
                String[] words = requestLine.split(" ");
                String target = words.length > 1 ? words[1] : "";
                requests.add(words[0] + " " + target);
                if (requestLine.startsWith(HANG_REQUEST + " ")) {
                    // Before the answer: a request sent once the caller has it must find the engine hung.
                    hung = true;
                    respond(out, 200, "text/plain", "hung");
                    continue;
                }
                if (hung) {
                    closed.await();
                    return;
                }
                answer(out, target);
            }
        } catch (IOException | InterruptedException gone) {
            // The client or the test closed the connection.
        }
    }

    private void answer(OutputStream out, String target) throws IOException {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        if (path.endsWith("/_ping")) {
            respond(out, 200, "text/plain", "OK");
        } else if (path.endsWith("/version")) {
            respond(out, 200, "application/json", VERSION);
        } else if (path.endsWith("/info")) {
            respond(out, 200, "application/json", INFO);
        } else if (path.endsWith("/containers/json")) {
            respond(out, 200, "application/json", containers);
        } else {
            respond(out, 404, "application/json", "{\"message\":\"the fake engine has no " + path + "\"}");
        }
    }

    private static void respond(OutputStream out, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\nContent-Type: " + type
                + "\r\nContent-Length: " + bytes.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** The request line of the next request (its headers are read and dropped); null at the end. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < end.length && (b = in.read()) != -1) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        if (matched < end.length) {
            return null;
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        return text.substring(0, text.indexOf("\r\n"));
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            server.close();
            for (SocketChannel connection : connections) {
                connection.close();
            }
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
