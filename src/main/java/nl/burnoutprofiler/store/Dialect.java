package nl.burnoutprofiler.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What differs between the two databases the store runs on: PostgreSQL, and SQLite as the embedded database. The
 * SQL of the stores is otherwise written once for both.
 */
enum Dialect {

    POSTGRESQL("postgresql", List.of("common", "postgresql")) {
        @Override
        void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
            if (instant == null) {
                statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            }
        }

        @Override
        Instant getInstant(ResultSet rows, String column) throws SQLException {
            OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }

        @Override
        void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
            statement.setObject(index, date);
        }

        @Override
        LocalDate getDate(ResultSet rows, String column) throws SQLException {
            return rows.getObject(column, LocalDate.class);
        }

        @Override
        String nextIntakeId() {
            return "SELECT nextval('intake_ids')";
        }

        @Override
        String lockCase() {
            return "SELECT coach FROM cases WHERE case_id = ? FOR UPDATE";
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }

        @Override
        boolean isMissingReference(SQLException e) {
            return "23503".equals(e.getSQLState());
        }
    },

    /**
     * SQLite keeps timestamps as fixed-width ISO-8601 text in UTC (so that text order is time order) and has no
     * sequences (a counter row instead) and no row locks: every transaction takes the one write lock when it begins
     * (see {@link Database}), so reading a row before writing needs no lock of its own.
     */
    SQLITE("sqlite", List.of("sqlite")) {
        private static final DateTimeFormatter UTC_MICROS =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
        private static final Set<SQLiteErrorCode> UNIQUE = Set.of(
                SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY, SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);

        @Override
        void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
            statement.setString(index, instant == null ? null : UTC_MICROS.format(instant));
        }

        @Override
        Instant getInstant(ResultSet rows, String column) throws SQLException {
            String value = rows.getString(column);
            return value == null ? null : Instant.parse(value);
        }

        @Override
        void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
            statement.setString(index, date == null ? null : date.toString());
        }

        @Override
        LocalDate getDate(ResultSet rows, String column) throws SQLException {
            String value = rows.getString(column);
            return value == null ? null : LocalDate.parse(value);
        }

        @Override
        String nextIntakeId() {
            return "UPDATE id_sequences SET last_value = last_value + 1 WHERE name = 'intake_ids' RETURNING last_value";
        }

        @Override
        String lockCase() {
            return "SELECT coach FROM cases WHERE case_id = ?";
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return e instanceof SQLiteException sqlite && UNIQUE.contains(sqlite.getResultCode());
        }

        @Override
        boolean isMissingReference(SQLException e) {
            return e instanceof SQLiteException sqlite
                    && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY;
        }
    };

    private final String productName;
    private final List<String> migrationFolders;

    Dialect(String productName, List<String> migrationFolders) {
        this.productName = productName;
        this.migrationFolders = migrationFolders;
    }

    /** The dialect of a database, by its JDBC product name; empty for a database the store does not run on. */
    static Optional<Dialect> of(String databaseProductName) {
        String name = databaseProductName == null ? "" : databaseProductName.toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (dialect.productName.equals(name)) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    /** The Flyway locations of its migrations, under {@code base}. */
    String[] migrationLocations(String base) {
        return migrationFolders.stream().map(folder -> base + "/" + folder).toArray(String[]::new);
    }

    abstract void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException;

    abstract Instant getInstant(ResultSet rows, String column) throws SQLException;

    abstract void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException;

    abstract LocalDate getDate(ResultSet rows, String column) throws SQLException;

    /** A query whose single row and column is the next intake id. */
    abstract String nextIntakeId();

    /** Selects the coach of case {@code ?}, keeping others from changing the case until the transaction ends. */
    abstract String lockCase();

    /** A unique key (or primary key) that is taken. */
    abstract boolean isUniqueViolation(SQLException e);

    /** A foreign key to a row that does not exist. */
    abstract boolean isMissingReference(SQLException e);
}
