package io.slipway.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.slipway.contract.RunConsoles;
import io.slipway.contract.RunStatus;
import io.slipway.gateway.config.GatewayConfig;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * An interactive run's console ({@code /api/v1/runs/{id}/attach}): binary frames carry what the client types to the
 * run's stdin and what its TTY prints back; a text frame {@code {"resize": {"cols", "rows"}}} resizes the TTY. The
 * first client to attach starts the run's container; when the console ends the gateway sends a text frame
 * {@code {"ended": {"status", "exitCode"}}} and closes the socket, and when the client closes the socket the
 * container is killed. Who may attach is decided on the handshake ({@link ConsoleAccess}); every attach, accepted or
 * refused, is recorded in the audit log ({@link ConsoleAudit}). Nothing of what passes is stored or logged. The
 * engine is reached through {@link RunConsoles}: the engine embedded in this process, or in remote mode the worker
 * that holds the run, through the broker ({@link RemoteConsoles}); a client that reads a remote console's output
 * slower than it comes is closed ({@value #POLICY_VIOLATION}) once {@link ConsoleOutbox#MAX_QUEUED} bytes wait for it.
 */
@WebSocket(path = "/api/v1/runs/{id}/attach")
public class ConsoleSocket {

    /** The run has no console to attach to: unknown to the engine, not interactive, ended, or attached already. */
    static final int NOT_WAITING = 4404;

    /** The client sends what the console does not read. */
    private static final int POLICY_VIOLATION = 1008;

    private static final Logger LOG = Logger.getLogger(ConsoleSocket.class);

    private final Instance<RunConsoles> engine;
    private final Instance<RemoteConsoles> remote;
    private final boolean remoteEngine;
    private final ObjectMapper json;
    private final ConsoleAudit audit;
    private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();

    public ConsoleSocket(
            Instance<RunConsoles> engine,
            Instance<RemoteConsoles> remote,
            GatewayConfig config,
            ObjectMapper json,
            ConsoleAudit audit) {
        this.engine = engine;
        this.remote = remote;
        this.remoteEngine = config.engine().isRemote();
        this.json = json;
        this.audit = audit;
    }

    /** Starts the run's console; blocks (on a worker thread) until its container runs. */
    @OnOpen
    void open(WebSocketConnection connection) {
        String id = connection.pathParam("id");
        ConsoleSession session = session(connection);
        Optional<RunConsoles.RunConsole> console = remoteEngine
                ? remote.get().attach(id, new RemoteScreen(connection, session))
                : engine.get().attach(id, new Screen(connection, session));
        audit.opened(connection.userData().get(ConsoleAudit.ATTACH), id, console.isPresent());
        if (console.isEmpty()) {
            sessions.remove(connection.id());
            connection.closeAndAwait(new CloseReason(
                    NOT_WAITING, "run " + id + " waits for no client: not interactive, ended or attached already"));
            return;
        }
        session.attached(console.get());
    }

    @OnBinaryMessage
    @NonBlocking
    void typed(WebSocketConnection connection, Buffer input) {
        try {
            session(connection).type(input.getBytes());
        } catch (IllegalStateException unread) {
            connection
                    .close(new CloseReason(POLICY_VIOLATION, unread.getMessage()))
                    .subscribe()
                    .with(ignored -> {}, failure -> {});
        }
    }

    /** A resize; a message that is none is answered {@code {"error": "<field>: <what is wrong>"}} and ignored. */
    @OnTextMessage
    void control(WebSocketConnection connection, String message) {
        try {
            ConsoleResize resize = ConsoleResize.parse(json, message);
            session(connection).resize(resize.cols(), resize.rows());
        } catch (ConsoleResize.BadMessage bad) {
            connection.sendTextAndAwait(
                    json.createObjectNode().put("error", bad.getMessage()).toString());
        }
    }

    @OnClose
    void closed(WebSocketConnection connection) {
        ConsoleSession session = sessions.remove(connection.id());
        if (session != null) {
            session.detach();
        }
    }

    private ConsoleSession session(WebSocketConnection connection) {
        return sessions.computeIfAbsent(connection.id(), ignored -> new ConsoleSession());
    }

    /** Where the run's TTY prints: the socket; at the end, the run's end and the close. */
    private final class Screen implements RunConsoles.ConsoleScreen {

        private final WebSocketConnection connection;
        private final ConsoleSession session;

        Screen(WebSocketConnection connection, ConsoleSession session) {
            this.connection = connection;
            this.session = session;
        }

        @Override
        public void print(byte[] output) {
            try {
                // Awaited: a slow client holds back the engine's stream instead of filling the gateway's memory.
                connection.sendBinaryAndAwait(output);
            } catch (RuntimeException gone) {
                LOG.debugf("a console's client went away: %s", gone.getMessage());
            }
        }

        @Override
        public void ended(RunStatus status, Integer exitCode) {
            session.ended();
            sessions.remove(connection.id(), session);
            try {
                connection.sendTextAndAwait(endOf(status, exitCode));
                connection.closeAndAwait(CloseReason.NORMAL);
            } catch (RuntimeException gone) {
                LOG.debugf("a console's client went away before its end: %s", gone.getMessage());
            }
        }
    }

    private String endOf(RunStatus status, Integer exitCode) {
        JsonNode end = json.createObjectNode()
                .set(
                        "ended",
                        json.createObjectNode().put("status", status.name()).put("exitCode", exitCode));
        return end.toString();
    }

    /**
     * Where a remote console prints: called on the thread that reads the broker, for every console of this replica,
     * so it never waits for a client; what a client has not read yet is bounded by its {@link ConsoleOutbox}.
     */
    private final class RemoteScreen implements RunConsoles.ConsoleScreen {

        private final WebSocketConnection connection;
        private final ConsoleSession session;
        private final ConsoleOutbox outbox = new ConsoleOutbox();

        RemoteScreen(WebSocketConnection connection, ConsoleSession session) {
            this.connection = connection;
            this.session = session;
        }

        @Override
        public void print(byte[] output) {
            if (!outbox.offer(output.length)) {
                LOG.debugf("a console's client reads too slowly: %d bytes wait for it", outbox.queued());
                connection
                        .close(new CloseReason(
                                POLICY_VIOLATION,
                                "the client reads the console's output too slowly: more than "
                                        + ConsoleOutbox.MAX_QUEUED + " bytes wait for it"))
                        .subscribe()
                        .with(ignored -> {}, failure -> {});
                return;
            }
            connection
                    .sendBinary(output)
                    .subscribe()
                    .with(ignored -> outbox.written(output.length), gone -> outbox.written(output.length));
        }

        @Override
        public void ended(RunStatus status, Integer exitCode) {
            session.ended();
            sessions.remove(connection.id(), session);
            connection
                    .sendText(endOf(status, exitCode))
                    .chain(() -> connection.close(CloseReason.NORMAL))
                    .subscribe()
                    .with(
                            ignored -> {},
                            gone -> LOG.debugf("a console's client went away before its end: %s", gone.getMessage()));
        }
    }
}
