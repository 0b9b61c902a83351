package io.slipway.gateway.repository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Build contexts in the shared database ({@code build_context_chunk}), for remote mode: any gateway replica serves
 * what another one took. A context is written and read one chunk at a time, each in a short transaction of its
 * own, so neither holds more than one chunk in memory nor a connection for the length of a transfer.
 */
@ApplicationScoped
public class BuildContextChunks {

    static final int CHUNK_BYTES = 1024 * 1024;

    private final DataSource dataSource;

    public BuildContextChunks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the context read from {@code in}; on failure nothing of it stays. */
    public void write(String deploymentId, InputStream in) throws IOException {
        try {
            byte[] buffer = new byte[CHUNK_BYTES];
            int seq = 0;
            for (int filled; (filled = in.readNBytes(buffer, 0, CHUNK_BYTES)) > 0; seq++) {
                byte[] bytes = filled == CHUNK_BYTES ? buffer : Arrays.copyOf(buffer, filled);
                int chunk = seq;
                inTransaction(connection -> {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "insert into build_context_chunk (deployment_id, seq, bytes) values (?, ?, ?)")) {
                        insert.setString(1, deploymentId);
                        insert.setInt(2, chunk);
                        insert.setBytes(3, bytes);
                        insert.executeUpdate();
                    }
                    return null;
                });
            }
        } catch (IOException | RuntimeException e) {
            try {
                delete(deploymentId);
            } catch (RuntimeException notDeleted) {
                e.addSuppressed(notDeleted);
            }
            throw e;
        }
    }

    /** How many bytes the stored context has; empty when none is stored. */
    public Optional<Long> size(String deploymentId) {
        return inTransaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select count(*), sum(octet_length(bytes)) from build_context_chunk where deployment_id = ?")) {
                query.setString(1, deploymentId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1) == 0 ? Optional.empty() : Optional.of(row.getLong(2));
                }
            }
        });
    }

    /**
     * Writes the stored context to {@code out} in order, reading each chunk when the one before has been written.
     *
     * @param size what {@link #size} answered: a context deleted part way (its deployment ended) is cut short, and
     *     that is an error rather than a quietly shorter copy
     */
    public void copyTo(String deploymentId, long size, OutputStream out) throws IOException {
        long copied = 0;
        for (int seq = 0; copied < size; seq++) {
            Optional<byte[]> chunk = chunk(deploymentId, seq);
            if (chunk.isEmpty()) {
                throw new IOException("the build context of deployment " + deploymentId + " was deleted after " + copied
                        + " of its " + size + " bytes");
            }
            out.write(chunk.get());
            copied += chunk.get().length;
        }
    }

    private Optional<byte[]> chunk(String deploymentId, int seq) {
        return inTransaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select bytes from build_context_chunk where deployment_id = ? and seq = ?")) {
                query.setString(1, deploymentId);
                query.setInt(2, seq);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    public void delete(String deploymentId) {
        inTransaction(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("delete from build_context_chunk where deployment_id = ?")) {
                delete.setString(1, deploymentId);
                return delete.executeUpdate();
            }
        });
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** A transaction of its own, whatever the caller is in: a transfer never holds a caller's transaction open. */
    private <T> T inTransaction(Work<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.on(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("build context storage failed", e);
            }
        });
    }
}
