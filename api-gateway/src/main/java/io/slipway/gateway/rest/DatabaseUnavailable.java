package io.slipway.gateway.rest;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Whether a failure is the database being out of reach (refused, dropped or no connection to be had), which the
 * API answers with a 503 rather than a 500: the request may succeed once it is back, and nothing was stored.
 */
final class DatabaseUnavailable {

    /** Causes are followed this far at most, so that a cyclic chain cannot loop. */
    private static final int MAX_DEPTH = 16;

    private DatabaseUnavailable() {}

    static boolean isCause(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
            if (cause instanceof JDBCConnectionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || isConnectionState(cause)) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }

    /** SQLState class 08 is "connection exception" in both PostgreSQL and H2. */
    private static boolean isConnectionState(Throwable cause) {
        return cause instanceof java.sql.SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("08");
    }
}
