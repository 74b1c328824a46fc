package nl.burnoutprofiler.store;

import java.sql.SQLException;

/**
 * The store could not do what was asked: the database is unreachable, refused a statement, or the data breaks a rule
 * of the store.
 *
 * <p>Database messages about data (SQLState classes 22, data exception, and 23, integrity constraint violation) quote
 * the values involved, which may be health data or hashes. Those are never carried: the exception then names only the
 * SQLState and vendor code, not the database's message, and has no cause. Other errors (connection, syntax, timeouts)
 * keep the SQLException as their cause.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    public StoreException(String message) {
        super(message);
        this.sqlState = null;
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.sqlState = cause instanceof SQLException sql ? sql.getSQLState() : null;
    }

    /** Wraps a database error: {@code message} says what the store was doing. */
    public StoreException(String message, SQLException cause) {
        super(describe(message, cause), quotesValues(cause) ? null : cause);
        this.sqlState = cause.getSQLState();
        if (quotesValues(cause)) {
            // Keep where it happened without what the database said about the values.
            setStackTrace(cause.getStackTrace());
        }
    }

    /** The SQLState of the database error behind this exception; null when there was none. */
    public String sqlState() {
        return sqlState;
    }

    static boolean quotesValues(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static String describe(String message, SQLException cause) {
        if (quotesValues(cause)) {
            return message + " (SQLState " + cause.getSQLState() + ", vendor code " + cause.getErrorCode() + ")";
        }
        return message + ": " + cause.getMessage();
    }
}
