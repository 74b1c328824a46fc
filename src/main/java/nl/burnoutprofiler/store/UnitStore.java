package nl.burnoutprofiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Organisational units: the unit a case belongs to (set by its coach or case manager, every change audited), the
 * units an organisation user is assigned, and the meetings a unit's aggregate is made of.
 */
public final class UnitStore {

    /** A pseudonymous label such as {@code zorg-team-3}: lower-case letters, digits and hyphens, no names. */
    public static final Pattern UNIT_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?");
    /** What {@link #UNIT_LABEL} asks, in words. */
    public static final String UNIT_LABEL_RULE = "a pseudonymous label of at most 60 lower-case letters, digits and "
            + "hyphens, starting and ending with a letter or digit (such as zorg-team-3)";
    public static final String SET_UNIT = "set-unit";
    public static final String ASSIGN_UNIT = "assign-unit";
    public static final String UNASSIGN_UNIT = "unassign-unit";

    private final Jdbc jdbc;

    UnitStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws IllegalArgumentException naming the rule a label breaks */
    public static String requireLabel(String unit) {
        Jdbc.requireText(unit, "unit");
        if (!UNIT_LABEL.matcher(unit).matches()) {
            throw new IllegalArgumentException("a unit is " + UNIT_LABEL_RULE);
        }
        return unit;
    }

    /** The unit of a case; empty when it has none (or the case is unknown). */
    public Optional<String> unitOf(String caseId) {
        return jdbc.run("find the unit of case " + caseId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT unit FROM case_units WHERE case_id = ?")) {
                select.setString(1, caseId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Puts a case in a unit, or out of any with {@code unit} null; the change and the unit it had are audited in the
     * same transaction.
     *
     * @throws IllegalArgumentException when the case is unknown or the label is not a valid unit
     */
    public void setUnit(String caseId, String unit, String setBy) {
        Jdbc.requireText(caseId, "case id");
        Jdbc.requireText(setBy, "set by");
        if (unit != null) {
            requireLabel(unit);
        }
        jdbc.transaction("set the unit of case " + caseId, connection -> {
            if (!caseExists(connection, caseId)) {
                throw new IllegalArgumentException("no case " + caseId);
            }
            Optional<String> before = unitOf(connection, caseId);
            if (before.equals(Optional.ofNullable(unit))) {
                return null;
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM case_units WHERE case_id = ?")) {
                delete.setString(1, caseId);
                delete.executeUpdate();
            }
            if (unit != null) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO case_units (case_id, unit, set_at, set_by) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, caseId);
                    insert.setString(2, unit);
                    jdbc.setInstant(insert, 3, jdbc.now());
                    insert.setString(4, setBy);
                    insert.executeUpdate();
                }
            }
            AuditLog.insert(jdbc, connection, jdbc.now(), setBy, SET_UNIT, caseId,
                    "unit: " + (unit == null ? "none" : unit) + " (was: " + before.orElse("none") + ")");
            return null;
        });
    }

    private static boolean caseExists(Connection connection, String caseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM cases WHERE case_id = ?")) {
            select.setString(1, caseId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Optional<String> unitOf(Connection connection, String caseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT unit FROM case_units WHERE case_id = ?")) {
            select.setString(1, caseId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Assigns a unit to an organisation user; audited.
     *
     * @throws IllegalArgumentException when the user is unknown or not of the organisation role
     */
    public void assign(String username, String unit, String assignedBy) {
        requireLabel(unit);
        Jdbc.requireText(assignedBy, "assigned by");
        jdbc.transaction("assign unit " + unit + " to " + username, connection -> {
            requireOrganisationUser(connection, username);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO user_units"
                    + " (username, unit, assigned_at, assigned_by) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, username);
                insert.setString(2, unit);
                jdbc.setInstant(insert, 3, jdbc.now());
                insert.setString(4, assignedBy);
                if (insert.executeUpdate() == 0) {
                    return null;
                }
            }
            AuditLog.insert(jdbc, connection, jdbc.now(), assignedBy, ASSIGN_UNIT, null,
                    "unit " + unit + " to " + username);
            return null;
        });
    }

    /** Takes a unit from a user; audited. Nothing happens when the user did not have it. */
    public void unassign(String username, String unit, String unassignedBy) {
        Jdbc.requireText(username, "username");
        Jdbc.requireText(unit, "unit");
        Jdbc.requireText(unassignedBy, "unassigned by");
        jdbc.transaction("take unit " + unit + " from " + username, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM user_units WHERE username = ? AND unit = ?")) {
                delete.setString(1, username);
                delete.setString(2, unit);
                if (delete.executeUpdate() == 0) {
                    return null;
                }
            }
            AuditLog.insert(jdbc, connection, jdbc.now(), unassignedBy, UNASSIGN_UNIT, null,
                    "unit " + unit + " from " + username);
            return null;
        });
    }

    private static void requireOrganisationUser(Connection connection, String username) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT role FROM users WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("no user " + username);
                }
                if (!Role.ORGANISATION.id().equals(rows.getString(1))) {
                    throw new IllegalArgumentException("units are assigned to organisation users only; " + username
                            + " is " + rows.getString(1));
                }
            }
        }
    }

    /** The units assigned to a user, sorted. */
    public List<String> assignedTo(String username) {
        return jdbc.run("list the units of " + username, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT unit FROM user_units WHERE username = ? ORDER BY unit")) {
                select.setString(1, username);
                return strings(select);
            }
        });
    }

    /** Every unit that at least one case carries, sorted. */
    public List<String> inUse() {
        return jdbc.run("list the units in use", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT unit FROM case_units ORDER BY unit")) {
                return strings(select);
            }
        });
    }

    private static List<String> strings(PreparedStatement select) throws SQLException {
        List<String> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }

    /**
     * The latest version of every meeting of every case now in the unit, oldest meeting first per case: what a team
     * aggregate is made of. Intake content, for counting only.
     */
    public List<UnitMeeting> meetings(String unit) {
        Objects.requireNonNull(unit, "unit");
        return jdbc.run("read the meetings of unit " + unit, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT i.case_id, i.meeting, i.intake_id, i.meeting_date, i.intake_json, o.primary_type, o.stage"
                            + " FROM case_units u JOIN intakes i ON i.case_id = u.case_id"
                            + " JOIN outcomes o ON o.intake_id = i.intake_id"
                            + " WHERE u.unit = ? AND i.version = (SELECT MAX(v.version) FROM intakes v"
                            + " WHERE v.meeting = i.meeting)"
                            + " ORDER BY i.case_id, i.meeting_date, i.meeting")) {
                select.setString(1, unit);
                List<UnitMeeting> meetings = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        meetings.add(new UnitMeeting(rows.getString("case_id"), rows.getLong("meeting"),
                                rows.getLong("intake_id"), jdbc.getDate(rows, "meeting_date"),
                                rows.getString("intake_json"), rows.getString("primary_type"), rows.getString("stage")));
                    }
                }
                return meetings;
            }
        });
    }
}
