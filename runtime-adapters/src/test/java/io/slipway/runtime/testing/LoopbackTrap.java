package io.slipway.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener on a free port of the host's loopback address that nothing in a container may ever reach: it
 * stands for the host's own services (the router's admin API, the database, the broker). It records who
 * connected, and closes each connection at once.
 */
public final class LoopbackTrap implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile int lastProbeTries;

    public LoopbackTrap() {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "loopback-trap");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every connection seen so far, by its source address. */
    public List<String> connections() {
        return List.copyOf(connections);
    }

    /**
     * A shell script that tries to connect to this trap's port on the container's own loopback, on its
     * gateway, and on each of the host's IPv4 addresses, printing {@code REACHED <address>} for each that
     * accepts and {@code TRIED <count>} at the end. The host's addresses are those of the moment the script is
     * made: engines add and remove bridges while other tests run.
     */
    public String probeScript() {
        StringBuilder targets = new StringBuilder("127.0.0.1 $(ip route | awk '/default/ {print $3}')");
        List<String> addresses = hostAddresses();
        addresses.forEach(address -> targets.append(' ').append(address));
        lastProbeTries = 2 + addresses.size();
        return "n=0; for a in " + targets + "; do n=$((n+1)); " + "nc -w 2 $a " + port()
                + " </dev/null && echo REACHED $a; done; echo TRIED $n";
    }

    /** How many addresses the last {@link #probeScript()} tries. */
    public int lastProbeTries() {
        return lastProbeTries;
    }

    /** The host's own IPv4 addresses other than loopback: the engines' bridges and the machine's interfaces. */
    public static List<String> hostAddresses() {
        try {
            return NetworkInterface.networkInterfaces()
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .map(InetAddress::getHostAddress)
                    .distinct()
                    .toList();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                connections.add(socket.getRemoteSocketAddress().toString());
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
