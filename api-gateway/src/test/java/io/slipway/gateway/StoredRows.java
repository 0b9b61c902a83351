package io.slipway.gateway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Rows written straight into the database: thousands of them in seconds, where the API would take minutes. */
final class StoredRows {

    private final DataSource dataSource;

    StoredRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Ended deployments of {@code app}, the newest last, one second apart, each with {@code linesEach} log lines.
     *
     * @return their ids, the newest last
     */
    List<String> deployments(String app, int count, int linesEach) throws SQLException {
        List<String> ids = new ArrayList<>();
        Instant start = Instant.now().minusSeconds(count);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement deployment = connection.prepareStatement("insert into deployment (id, app_name, kind,"
                        + " status, image, manifests_resolved, created_at, last_event_seq) values (?, ?, 'IMAGE',"
                        + " 'SUCCEEDED', 'example/web:1', false, ?, 0)");
                PreparedStatement line = connection.prepareStatement("insert into log_line (deployment_id, seq, phase,"
                        + " stream, line, logged_at) values (?, ?, 'DEPLOY', 'STDOUT', 'a line of output', ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                Timestamp createdAt = Timestamp.from(start.plusSeconds(i));
                deployment.setString(1, id);
                deployment.setString(2, app);
                deployment.setTimestamp(3, createdAt);
                deployment.addBatch();
                for (int seq = 1; seq <= linesEach; seq++) {
                    line.setString(1, id);
                    line.setLong(2, seq);
                    line.setTimestamp(3, createdAt);
                    line.addBatch();
                }
                ids.add(id);
                if (i % 100 == 99) {
                    deployment.executeBatch();
                    line.executeBatch();
                }
            }
            deployment.executeBatch();
            line.executeBatch();
            connection.commit();
        }
        return ids;
    }

    /** @return the ids of delivered deliveries of the webhook, one second apart, the newest last */
    List<String> deliveries(String app, String webhookId, String deploymentId, int count) throws SQLException {
        List<String> ids = new ArrayList<>();
        Instant start = Instant.now().minusSeconds(count);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delivery = connection.prepareStatement("insert into webhook_delivery (id, webhook_id,"
                        + " app_name, deployment_id, event, url, payload, status, attempts, created_at) values (?, ?, ?,"
                        + " ?, 'deployment.finished', 'http://127.0.0.1:9/', '{}', 'DELIVERED', 1, ?)")) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                delivery.setString(1, id);
                delivery.setString(2, webhookId);
                delivery.setString(3, app);
                delivery.setString(4, deploymentId);
                delivery.setTimestamp(5, Timestamp.from(start.plusSeconds(i)));
                delivery.addBatch();
                ids.add(id);
            }
            delivery.executeBatch();
        }
        return ids;
    }

    long count(String query, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    void update(String statement, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(statement)) {
            update.setString(1, parameter);
            update.executeUpdate();
        }
    }
}
