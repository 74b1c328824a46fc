package nl.burnoutprofiler.store;

import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store could not do what was asked: the database is unreachable, refused a statement, or the data breaks a rule
 * of the store.
 *
 * <p>Database messages about data (SQLState classes 22, data exception, and 23, integrity constraint violation; on
 * SQLite, which has no SQLStates, its constraint, type and size errors) may quote the values involved, which may be
 * health data or hashes. Those are never carried: the exception then names only the SQLState and vendor code (on
 * SQLite its result code), not the database's message, and has no cause. Other errors (connection, syntax, timeouts)
 * keep the SQLException as their cause.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** SQLite's primary result codes of errors about data: SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_MISMATCH. */
    private static final Set<Integer> SQLITE_DATA_ERRORS = Set.of(18, 19, 20);
    /** sqlite-jdbc starts its messages with the extended result code: {@code [SQLITE_CONSTRAINT_CHECK] ...}. */
    private static final Pattern SQLITE_RESULT_CODE = Pattern.compile("^\\[(SQLITE_[A-Z_]+)]");

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
        if (state != null) {
            return state.startsWith("22") || state.startsWith("23");
        }
        return sqliteResultCode(e) != null && SQLITE_DATA_ERRORS.contains(e.getErrorCode());
    }

    /** The extended result code of an error of sqlite-jdbc; null for other drivers. */
    private static String sqliteResultCode(SQLException e) {
        if (!e.getClass().getName().startsWith("org.sqlite.") || e.getMessage() == null) {
            return null;
        }
        Matcher code = SQLITE_RESULT_CODE.matcher(e.getMessage());
        return code.find() ? code.group(1) : null;
    }

    private static String describe(String message, SQLException cause) {
        if (quotesValues(cause)) {
            String code = cause.getSQLState() != null
                    ? "SQLState " + cause.getSQLState() + ", vendor code " + cause.getErrorCode()
                    : sqliteResultCode(cause);
            return message + " (" + code + ")";
        }
        return message + ": " + cause.getMessage();
    }
}
