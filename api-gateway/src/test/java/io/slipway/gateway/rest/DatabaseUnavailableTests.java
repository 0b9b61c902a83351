package io.slipway.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTests {

    @Test
    void aConnectionFailureAnywhereInTheChainIsTheDatabaseBeingAway() {
        assertThat(DatabaseUnavailable.isCause(new PersistenceException(
                        "wrapped", new JDBCConnectionException("refused", new SQLException("refused", "08001")))))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(
                        new IllegalStateException(new SQLTransientConnectionException("no connection in time"))))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("connection lost", "08006"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailable.isCause(new PersistenceException(new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("a bug")))
                .isFalse();
    }
}
