package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;

@ApplicationScoped
public class LogLineRepository implements PanacheRepositoryBase<LogLine, Long> {

    private static final String INSERT =
            "insert into log_line (deployment_id, seq, phase, stream, line, logged_at) values (?, ?, ?, ?, ?, ?)";

    /**
     * Inserts the lines in one JDBC batch, in the caller's transaction. Hibernate cannot batch inserts
     * into an identity column, and one statement per line made a flood of output cost a millisecond a
     * line.
     */
    public void insertAll(List<LogLine> batch) {
        if (batch.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (LogLine line : batch) {
                    insert.setString(1, line.deploymentId());
                    insert.setLong(2, line.seq());
                    insert.setString(3, line.phase().name());
                    insert.setString(4, line.stream().name());
                    insert.setString(5, line.line());
                    insert.setObject(6, OffsetDateTime.ofInstant(line.loggedAt(), ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** At most {@code limit} of the deployment's lines after {@code seq}, in order. */
    public List<LogLine> after(String deploymentId, long seq, int limit) {
        return find("deploymentId = ?1 and seq > ?2", Sort.ascending("seq"), deploymentId, seq)
                .range(0, limit - 1)
                .list();
    }

    /** The deployment's lines after {@code seq}, in order. */
    public List<LogLine> after(String deploymentId, long seq) {
        return list("deploymentId = ?1 and seq > ?2", Sort.ascending("seq"), deploymentId, seq);
    }
}
