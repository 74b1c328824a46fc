package nl.burnoutprofiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who read or wrote which case, and when. Never intake content: {@code detail} is a short note such as "meeting 12,
 * version 2" (at most {@value #MAX_DETAIL} characters). The database refuses UPDATE and DELETE on the log.
 */
public final class AuditLog {

    /** The longest detail: room for a note, not for an intake. */
    public static final int MAX_DETAIL = 500;

    private static final String COLUMNS = "id, recorded_at, actor, action, case_id, detail";

    private final Jdbc jdbc;

    AuditLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an action; {@code caseId} and {@code detail} may be null. */
    public void record(String actor, String action, String caseId, String detail) {
        Jdbc.requireText(actor, "actor");
        Jdbc.requireText(action, "action");
        if (detail != null && detail.length() > MAX_DETAIL) {
            throw new IllegalArgumentException("an audit detail is a short note of at most " + MAX_DETAIL
                    + " characters, never intake content");
        }
        jdbc.transaction("record " + action + " by " + actor + " in the audit log",
                connection -> insert(jdbc, connection, jdbc.now(), actor, action, caseId, detail));
    }

    /** The entry written on a connection of the caller, so that it commits or rolls back with the caller's work. */
    static int insert(Jdbc jdbc, Connection connection, Instant at, String actor, String action, String caseId, String detail)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_log (recorded_at, actor, action, case_id, detail) VALUES (?, ?, ?, ?, ?)")) {
            jdbc.setInstant(insert, 1, at);
            insert.setString(2, actor);
            insert.setString(3, action);
            insert.setString(4, caseId);
            insert.setString(5, detail);
            return insert.executeUpdate();
        }
    }

    /** Everything recorded about the case, oldest first. */
    public List<AuditEntry> forCase(String caseId) {
        return entries("read the audit log of case " + caseId,
                "SELECT " + COLUMNS + " FROM audit_log WHERE case_id = ? ORDER BY recorded_at, id", caseId, null);
    }

    /** The last {@code limit} entries, newest first. */
    public List<AuditEntry> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return entries("read the audit log",
                "SELECT " + COLUMNS + " FROM audit_log ORDER BY recorded_at DESC, id DESC LIMIT ?", null, limit);
    }

    private List<AuditEntry> entries(String doing, String sql, String caseId, Integer limit) {
        return jdbc.run(doing, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (caseId != null) {
                    select.setString(1, caseId);
                }
                if (limit != null) {
                    select.setInt(1, limit);
                }
                try (ResultSet rows = select.executeQuery()) {
                    List<AuditEntry> entries = new ArrayList<>();
                    while (rows.next()) {
                        entries.add(entry(rows));
                    }
                    return entries;
                }
            }
        });
    }

    private AuditEntry entry(ResultSet rows) throws SQLException {
        return new AuditEntry(rows.getLong("id"), jdbc.getInstant(rows, "recorded_at"), rows.getString("actor"),
                rows.getString("action"), rows.getString("case_id"), rows.getString("detail"));
    }
}
