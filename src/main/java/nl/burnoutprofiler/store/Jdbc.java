package nl.burnoutprofiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

/** The plumbing the stores share: connections, transactions, the clock, and what differs between the databases. */
final class Jdbc {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Clock clock;
    /** SQLite's transactions, several to a commit; null for PostgreSQL, where each caller runs its own. */
    private final GroupCommitWriter sqliteWriter;

    Jdbc(DataSource dataSource, Dialect dialect, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
        this.sqliteWriter = dialect == Dialect.SQLITE ? new GroupCommitWriter(dataSource) : null;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Now, to the microsecond: what both databases keep of a timestamp, so what is returned equals what is read back. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Runs {@code work} on a connection in auto-commit mode: for reads. */
    <T> T run(String doing, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Cannot " + doing, e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. Returns only
     * after the commit. Every write goes through here (never through {@link #run}), so that on SQLite all writes
     * of this process take turns in one queue rather than poll for the database's write lock.
     */
    <T> T transaction(String doing, Work<T> work) {
        return sqliteWriter == null ? inTransaction(doing, work) : sqliteWriter.transaction(doing, work);
    }

    /** Stops the SQLite writer; callers still waiting get a {@link StoreException}. */
    void close() {
        if (sqliteWriter != null) {
            sqliteWriter.close();
        }
    }

    private <T> T inTransaction(String doing, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
            // The pool restores auto-commit when the connection is returned.
        } catch (SQLException e) {
            throw new StoreException("Cannot " + doing, e);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    boolean isUniqueViolation(SQLException e) {
        return dialect.isUniqueViolation(e);
    }

    boolean isMissingReference(SQLException e) {
        return dialect.isMissingReference(e);
    }

    void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        dialect.setInstant(statement, index, instant);
    }

    Instant getInstant(ResultSet rows, String column) throws SQLException {
        return dialect.getInstant(rows, column);
    }

    void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        dialect.setDate(statement, index, date);
    }

    LocalDate getDate(ResultSet rows, String column) throws SQLException {
        return dialect.getDate(rows, column);
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }
}
