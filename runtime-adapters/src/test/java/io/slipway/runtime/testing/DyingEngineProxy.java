package io.slipway.runtime.testing;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An engine's API socket passed through a socket of its own, which a test can {@link #die()} at any moment: every
 * connection through it breaks at once, as when the engine's process dies.
 */
public final class DyingEngineProxy implements AutoCloseable {

    private final Path socket;
    private final Path engine;
    private final ServerSocketChannel server;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();

    /** @param engine the engine's own socket */
    public DyingEngineProxy(Path socket, Path engine) throws IOException {
        this.socket = socket;
        this.engine = engine;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread acceptor = new Thread(this::accept, "dying-engine-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String endpoint() {
        return "unix://" + socket;
    }

    private void accept() {
        try {
            while (server.isOpen()) {
                SocketChannel client = server.accept();
                SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(engine));
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            }
        } catch (IOException closed) {
            // The proxy died.
        }
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        Thread thread = new Thread(
                () -> {
                    ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
                    try {
                        while (from.read(buffer) >= 0) {
                            buffer.flip();
                            while (buffer.hasRemaining()) {
                                to.write(buffer);
                            }
                            buffer.clear();
                        }
                        to.shutdownOutput();
                    } catch (IOException broken) {
                        // One side died: the other one goes with it.
                    }
                },
                "dying-engine-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Breaks every connection and takes no new one. */
    public void die() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closed either way.
        }
        for (SocketChannel channel : open) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closed either way.
            }
        }
    }

    @Override
    public void close() throws IOException {
        die();
        Files.deleteIfExists(socket);
    }
}
