package io.slipway.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback between the browser and the gateway that can cut every open connection at
 * once, as a flaky network or a restarting proxy would; it keeps the first bytes each client sent,
 * so a test can see the requests (and headers) a reconnecting page made.
 */
final class DroppingProxy implements AutoCloseable {

    private static final int HEAD = 4096;

    private final ServerSocket server;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<String> requestHeads = new CopyOnWriteArrayList<>();

    DroppingProxy(URI gateway) throws IOException {
        this.target = gateway.getPort();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("proxy-accept", this::accept);
    }

    URI uri() {
        return URI.create("http://localhost:" + server.getLocalPort());
    }

    /** The start of every request the clients sent, in order. */
    List<String> requestHeads() {
        return List.copyOf(requestHeads);
    }

    /** Closes every open connection; new ones are relayed as before. */
    void dropAll() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target));
                open.add(client);
                open.add(upstream);
                relay(client, upstream, true);
                relay(upstream, client, false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket from, Socket to, boolean request) {
        daemon("proxy-relay", () -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    if (request) {
                        requestHeads.add(new String(buffer, 0, Math.min(read, HEAD), StandardCharsets.ISO_8859_1));
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException dropped) {
                // One side went away: the other goes too.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropAll();
    }
}
