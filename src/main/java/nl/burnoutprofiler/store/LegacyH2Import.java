package nl.burnoutprofiler.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Until version 0.9 the embedded database was H2 ({@code burnout-profiler.mv.db}, with the password in
 * {@code database.secret}). H2 lost acknowledged intakes when the process was killed, so the embedded database is now
 * SQLite. At the first start of a data folder that holds the H2 database and no SQLite database yet, everything in it
 * is copied into a new SQLite database, in one transaction, before the server opens: users, tokens, sessions, cases,
 * intakes, outcomes, the audit log, CDS cards and feedback, erased case ids and the intake id counter.
 *
 * <p>The copy is made under a temporary name and renamed into place only when complete, so a crash during the import
 * leaves the H2 database as it was and the import runs again at the next start. The H2 file is then renamed to
 * {@code burnout-profiler.mv.db.imported}, not deleted: the operator removes it once satisfied.
 */
final class LegacyH2Import {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyH2Import.class);

    static final String H2_NAME = "burnout-profiler";
    static final String H2_FILE = H2_NAME + ".mv.db";
    static final String IMPORTED_SUFFIX = ".imported";
    /** The options the embedded H2 database was opened with: the migrations of common/ were written for them. */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private static final String H2_USER = "sa";
    private static final String WRONG_USER_OR_PASSWORD = "28000";

    /**
     * The tables in an order that satisfies their foreign keys, each with the order of its rows (users: case
     * managers before the coaches who report to them).
     */
    private static final Map<String, String> TABLES = tables();

    private LegacyH2Import() {
    }

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("users", "CASE WHEN manager IS NULL THEN 0 ELSE 1 END, username");
        tables.put("api_tokens", "name");
        tables.put("sessions", "id_hash");
        tables.put("cases", "case_id");
        tables.put("intakes", "intake_id");
        tables.put("outcomes", "intake_id");
        tables.put("audit_log", "id");
        tables.put("cds_cards", "uuid");
        tables.put("cds_feedback", "id");
        tables.put("erased_cases", "case_id");
        return tables;
    }

    /** Imports the H2 database of the data folder when it has one and no SQLite database yet. */
    static void importIfFound(Path folder) {
        Path sqliteFile = folder.resolve(DatabaseSettings.EMBEDDED_FILE);
        if (Files.exists(sqliteFile) || !Files.exists(folder.resolve(H2_FILE))) {
            return;
        }
        LOG.info("Found the H2 database of an earlier version in {}: importing it into {}", folder, sqliteFile.getFileName());
        Path partial = sqliteFile.resolveSibling(sqliteFile.getFileName() + ".import");
        try {
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + suffix));
            }
            Map<String, Integer> counts = copy(folder, partial);
            Files.move(partial, sqliteFile, StandardCopyOption.ATOMIC_MOVE);
            Files.move(folder.resolve(H2_FILE), folder.resolve(H2_FILE + IMPORTED_SUFFIX), StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Imported the H2 database: {}. It is kept as {}{}; remove it once the data is checked",
                    counts, H2_FILE, IMPORTED_SUFFIX);
        } catch (IOException e) {
            throw new StoreException("Cannot import the H2 database of " + folder + ": " + e, e);
        }
    }

    private static Map<String, Integer> copy(Path folder, Path target) {
        String h2Url = "jdbc:h2:file:" + folder.resolve(H2_NAME) + H2_OPTIONS;
        try {
            String password = h2Password(folder, h2Url);
            Flyway.configure(LegacyH2Import.class.getClassLoader())
                    .dataSource(h2Url, H2_USER, password)
                    .locations(Database.MIGRATIONS + "/common", Database.MIGRATIONS + "/h2")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            try (Connection h2 = DriverManager.getConnection(h2Url, H2_USER, password);
                 Database sqlite = Database.open(new DatabaseSettings("jdbc:sqlite:" + target, null, null));
                 Connection into = sqlite.dataSource().getConnection()) {
                into.setAutoCommit(false);
                try {
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    for (Map.Entry<String, String> table : TABLES.entrySet()) {
                        counts.put(table.getKey(), copyTable(h2, into, table.getKey(), table.getValue()));
                    }
                    copyIntakeIdCounter(h2, into);
                    into.commit();
                    return counts;
                } catch (SQLException | RuntimeException e) {
                    into.rollback();
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot import the H2 database of " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The secret of the folder, or no password for a database made before there was a secret. */
    private static String h2Password(Path folder, String url) throws SQLException {
        List<String> passwords = new ArrayList<>();
        DataFolder.legacySecret(folder).ifPresent(passwords::add);
        passwords.add("");
        SQLException refused = null;
        for (String password : passwords) {
            try (Connection connection = DriverManager.getConnection(url, H2_USER, password)) {
                return password;
            } catch (SQLException e) {
                if (!WRONG_USER_OR_PASSWORD.equals(e.getSQLState())) {
                    throw e;
                }
                refused = e;
            }
        }
        throw refused;
    }

    private static int copyTable(Connection from, Connection into, String table, String order) throws SQLException {
        int rows = 0;
        try (Statement select = from.createStatement();
             ResultSet source = select.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
            ResultSetMetaData columns = source.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", names.stream().map(name -> "?").toList()) + ")";
            try (PreparedStatement target = into.prepareStatement(insert)) {
                while (source.next()) {
                    for (int i = 1; i <= names.size(); i++) {
                        copyValue(source, columns.getColumnType(i), i, target);
                    }
                    target.executeUpdate();
                    rows++;
                }
            }
        }
        return rows;
    }

    private static void copyValue(ResultSet source, int type, int column, PreparedStatement target) throws SQLException {
        switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime value = source.getObject(column, OffsetDateTime.class);
                Dialect.SQLITE.setInstant(target, column, value == null ? null : value.toInstant());
            }
            case Types.DATE -> Dialect.SQLITE.setDate(target, column, source.getObject(column, LocalDate.class));
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> {
                long value = source.getLong(column);
                if (source.wasNull()) {
                    target.setNull(column, Types.BIGINT);
                } else {
                    target.setLong(column, value);
                }
            }
            default -> target.setString(column, source.getString(column));
        }
    }

    /** The counter goes on after the last id H2's sequence gave out, so no intake id is given out twice. */
    private static void copyIntakeIdCounter(Connection from, Connection into) throws SQLException {
        long last = 0;
        try (Statement select = from.createStatement();
             ResultSet rows = select.executeQuery("SELECT base_value - 1 FROM information_schema.sequences"
                     + " WHERE sequence_name = 'intake_ids'")) {
            if (rows.next()) {
                last = rows.getLong(1);
            }
        }
        try (Statement select = from.createStatement();
             ResultSet rows = select.executeQuery("SELECT COALESCE(MAX(intake_id), 0) FROM intakes")) {
            rows.next();
            last = Math.max(last, rows.getLong(1));
        }
        try (PreparedStatement update = into.prepareStatement(
                "UPDATE id_sequences SET last_value = ? WHERE name = 'intake_ids'")) {
            update.setLong(1, last);
            update.executeUpdate();
        }
    }
}
