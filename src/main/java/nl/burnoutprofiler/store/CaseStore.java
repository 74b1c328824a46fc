package nl.burnoutprofiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Cases and their intakes. A case belongs to the coach who stored its first intake. Intakes are never changed: a
 * correction is stored as the next version of the same meeting, and the database refuses UPDATE and DELETE on
 * intakes and outcomes.
 */
public final class CaseStore {

    /** An intake with its outcome, from {@code intakes i JOIN outcomes o}. */
    private static final String INTAKE_COLUMNS = "i.intake_id, i.case_id, i.meeting, i.version, i.meeting_date, i.observer, "
            + "i.intake_json, o.outcome_json, o.rule_set_version, o.primary_type, o.stage, o.safety_status, "
            + "i.stored_by, i.stored_at";

    /** The audit actions of storing a new meeting and a correction, written in the transaction that stores it. */
    public static final String STORE_INTAKE = "store-intake";
    public static final String CORRECT_INTAKE = "correct-intake";
    /** The audit action of an erasure. */
    public static final String ERASE_CASE = "erase-case";
    /** The longest reason for an erasure: room for a note such as a request number, not for content. */
    public static final int MAX_ERASURE_REASON = 200;

    private final Jdbc jdbc;

    CaseStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The username of the coach the case belongs to; empty for an unknown case. */
    public Optional<String> ownerOf(String caseId) {
        return jdbc.run("find the coach of case " + caseId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT coach FROM cases WHERE case_id = ?")) {
                select.setString(1, caseId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** As {@link #store(NewIntake, String, Long, String)}, stored by the coach. */
    public StoredIntake store(NewIntake intake, String coach, Long corrects) {
        return store(intake, coach, corrects, coach);
    }

    /**
     * Stores an intake with its outcome and the audit entry of it, in one transaction. A new case becomes
     * {@code coach}'s, unless its id is that of an erased case: an erased case id is never taken again. With
     * {@code corrects} null the intake is a new meeting (its meeting id is its own intake id, version 1); otherwise
     * {@code corrects} is the intake id of an earlier intake of the same case, and the new row is the next version of
     * that meeting. Earlier versions stay.
     *
     * @param storedBy who stored it (a coach, or the user an API token acts for)
     * @throws ConflictException when the case belongs to another coach, or its id is that of an erased case
     * @throws IllegalArgumentException when {@code corrects} is not an intake of this case, {@code coach} is not a
     *                                  coach, or a required field is missing
     */
    public StoredIntake store(NewIntake intake, String coach, Long corrects, String storedBy) {
        Objects.requireNonNull(intake, "intake");
        Jdbc.requireText(intake.caseId(), "case id");
        Objects.requireNonNull(intake.date(), "meeting date");
        Jdbc.requireText(intake.intakeJson(), "intake JSON");
        Jdbc.requireText(intake.outcomeJson(), "outcome JSON");
        Jdbc.requireText(intake.ruleSetVersion(), "rule set version");
        Jdbc.requireText(coach, "coach");
        Jdbc.requireText(storedBy, "stored by");
        String doing = "store an intake of case " + intake.caseId();
        try {
            return jdbc.transaction(doing, connection -> store(connection, intake, coach, corrects, storedBy));
        } catch (CaseCreatedMeanwhile e) {
            // Another request created the case between our look and our insert: now it exists, so look again.
            return jdbc.transaction(doing, connection -> store(connection, intake, coach, corrects, storedBy));
        }
    }

    private StoredIntake store(Connection connection, NewIntake intake, String coach, Long corrects, String storedBy)
            throws SQLException {
        String caseId = intake.caseId();
        Optional<String> owner = lockCase(connection, caseId);
        if (owner.isEmpty()) {
            // Looked at after the lock: an erasure of this case that held it has committed by now.
            if (wasErased(connection, caseId)) {
                throw new ConflictException("case " + caseId + " was erased: its id is not used again");
            }
            createCase(connection, caseId, coach);
        } else if (!owner.get().equals(coach)) {
            throw new ConflictException("case " + caseId + " belongs to another coach");
        }

        long intakeId = nextIntakeId(connection);
        long meeting;
        int version;
        if (corrects == null) {
            meeting = intakeId;
            version = 1;
        } else {
            meeting = meetingOf(connection, corrects, caseId);
            version = highestVersion(connection, meeting) + 1;
        }
        StoredIntake stored = new StoredIntake(intakeId, caseId, meeting, version, intake.date(), intake.observer(),
                intake.intakeJson(), intake.outcomeJson(), intake.ruleSetVersion(), intake.primaryType(), intake.stage(),
                intake.safetyStatus(), storedBy, jdbc.now());

        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO intakes (intake_id, case_id, meeting, version, meeting_date, observer, intake_json, stored_by, stored_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, stored.intakeId());
            insert.setString(2, caseId);
            insert.setLong(3, meeting);
            insert.setInt(4, version);
            jdbc.setDate(insert, 5, stored.date());
            insert.setString(6, stored.observer());
            insert.setString(7, stored.intakeJson());
            insert.setString(8, storedBy);
            jdbc.setInstant(insert, 9, stored.storedAt());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outcomes (intake_id, outcome_json, rule_set_version, primary_type, stage, safety_status)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, stored.intakeId());
            insert.setString(2, stored.outcomeJson());
            insert.setString(3, stored.ruleSetVersion());
            insert.setString(4, stored.primaryType());
            insert.setString(5, stored.stage());
            insert.setString(6, stored.safetyStatus());
            insert.executeUpdate();
        }
        AuditLog.insert(jdbc, connection, stored.storedAt(), storedBy, corrects == null ? STORE_INTAKE : CORRECT_INTAKE,
                caseId, "intake " + intakeId + ", meeting " + meeting + ", version " + version);
        return stored;
    }

    /** Whether a case was erased under this id (so no new case may take it). */
    public boolean wasErased(String caseId) {
        return jdbc.run("look for the erasure of case " + caseId, connection -> wasErased(connection, caseId));
    }

    private static boolean wasErased(Connection connection, String caseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM erased_cases WHERE case_id = ?")) {
            select.setString(1, caseId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Erases a case, as the right to erasure (AVG/GDPR art. 17) asks: every intake and outcome of it, the CDS Hooks
     * cards issued for it and the feedback on them, and the case itself, in one transaction. Only this method can:
     * the database refuses such deletes outside it. The audit log keeps its entries of the case (a pseudonymous id,
     * never content) and gets one more: who erased it, and why. The case id is kept as erased (with the time, and
     * nothing else), so that no new case takes it.
     *
     * @param reason why, for the audit log: a short note of at most {@value #MAX_ERASURE_REASON} characters
     * @return what was removed; empty when nothing was stored under this case id
     */
    public Optional<CaseErasure> erase(String caseId, String erasedBy, String reason) {
        Jdbc.requireText(caseId, "case id");
        Jdbc.requireText(erasedBy, "erased by");
        Jdbc.requireText(reason, "reason");
        if (reason.length() > MAX_ERASURE_REASON) {
            throw new IllegalArgumentException("the reason for an erasure is a short note of at most "
                    + MAX_ERASURE_REASON + " characters");
        }
        return jdbc.transaction("erase case " + caseId, connection -> {
            boolean stored = lockCase(connection, caseId).isPresent();
            update(connection, "INSERT INTO case_erasure_pending (case_id) VALUES (?)", caseId);
            int feedback = update(connection,
                    "DELETE FROM cds_feedback WHERE card_uuid IN (SELECT uuid FROM cds_cards WHERE case_id = ?)", caseId);
            int cards = update(connection, "DELETE FROM cds_cards WHERE case_id = ?", caseId);
            update(connection, "DELETE FROM outcomes WHERE intake_id IN (SELECT intake_id FROM intakes WHERE case_id = ?)",
                    caseId);
            int intakes = update(connection, "DELETE FROM intakes WHERE case_id = ?", caseId);
            update(connection, "DELETE FROM case_units WHERE case_id = ?", caseId);
            update(connection, "DELETE FROM cases WHERE case_id = ?", caseId);
            update(connection, "DELETE FROM case_erasure_pending WHERE case_id = ?", caseId);
            if (!stored && cards == 0) {
                return Optional.empty();
            }
            CaseErasure erasure = new CaseErasure(caseId, intakes, cards, feedback, jdbc.now());
            try (PreparedStatement tombstone = connection.prepareStatement(
                    "INSERT INTO erased_cases (case_id, erased_at) VALUES (?, ?) ON CONFLICT (case_id) DO NOTHING")) {
                tombstone.setString(1, caseId);
                jdbc.setInstant(tombstone, 2, erasure.erasedAt());
                tombstone.executeUpdate();
            }
            AuditLog.insert(jdbc, connection, erasure.erasedAt(), erasedBy, ERASE_CASE, caseId,
                    "reason: " + reason + "; removed intakes: " + intakes + ", CDS cards: " + cards + ", feedback: "
                            + feedback);
            return Optional.of(erasure);
        });
    }

    private static int update(Connection connection, String sql, String caseId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, caseId);
            return statement.executeUpdate();
        }
    }

    /** The case's coach, with the case row locked until the transaction ends; empty for a new case. */
    private Optional<String> lockCase(Connection connection, String caseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(jdbc.dialect().lockCase())) {
            select.setString(1, caseId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private void createCase(Connection connection, String caseId, String coach) throws SQLException {
        Optional<User> owner = UserStore.find(jdbc, connection, coach);
        if (owner.isEmpty() || owner.get().role() != Role.COACH) {
            throw new IllegalArgumentException(coach + " is not a coach: a case belongs to a coach");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO cases (case_id, coach, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, caseId);
            insert.setString(2, coach);
            jdbc.setInstant(insert, 3, jdbc.now());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (jdbc.isUniqueViolation(e)) {
                throw new CaseCreatedMeanwhile();
            }
            throw e;
        }
    }

    private long nextIntakeId(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(jdbc.dialect().nextIntakeId());
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long meetingOf(Connection connection, long intakeId, String caseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT meeting FROM intakes WHERE intake_id = ? AND case_id = ?")) {
            select.setLong(1, intakeId);
            select.setString(2, caseId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("intake " + intakeId + " is not an intake of case " + caseId);
                }
                return rows.getLong(1);
            }
        }
    }

    private static int highestVersion(Connection connection, long meeting) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MAX(version) FROM intakes WHERE meeting = ?")) {
            select.setLong(1, meeting);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Every version of every meeting of the case: by meeting date (as its latest version has it), meeting, version. */
    public List<StoredIntake> history(String caseId) {
        return intakes("read the history of case " + caseId,
                "SELECT * FROM (SELECT " + INTAKE_COLUMNS + ","
                        + " FIRST_VALUE(i.meeting_date) OVER (PARTITION BY i.meeting ORDER BY i.version DESC) AS held_on"
                        + " FROM intakes i JOIN outcomes o ON o.intake_id = i.intake_id WHERE i.case_id = ?) v"
                        + " ORDER BY v.held_on, v.meeting, v.version",
                caseId);
    }

    /** The latest version of each meeting of the case: oldest meeting date first, then by meeting id. */
    public List<StoredIntake> latestPerMeeting(String caseId) {
        return intakes("read the meetings of case " + caseId,
                "SELECT * FROM (SELECT " + INTAKE_COLUMNS + ","
                        + " ROW_NUMBER() OVER (PARTITION BY i.meeting ORDER BY i.version DESC) AS newest"
                        + " FROM intakes i JOIN outcomes o ON o.intake_id = i.intake_id WHERE i.case_id = ?) v"
                        + " WHERE v.newest = 1 ORDER BY v.meeting_date, v.meeting",
                caseId);
    }

    /** For each meeting of the case (by meeting id), how many versions it has. */
    public Map<Long, Integer> versionCounts(String caseId) {
        return jdbc.run("count the versions of case " + caseId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT meeting, COUNT(*) FROM intakes WHERE case_id = ? GROUP BY meeting ORDER BY meeting")) {
                select.setString(1, caseId);
                try (ResultSet rows = select.executeQuery()) {
                    Map<Long, Integer> counts = new LinkedHashMap<>();
                    while (rows.next()) {
                        counts.put(rows.getLong(1), rows.getInt(2));
                    }
                    return counts;
                }
            }
        });
    }

    /**
     * The cases the filter lets through, each with its latest intake (the latest version of the meeting with the
     * newest date; among meetings of one date, the last one stored). Most urgent first (URGENT, REFER, then the
     * rest), within that the newest latest intake first, then by case id.
     */
    public List<CaseSummary> cases(CaseFilter filter) {
        CaseFilter f = filter == null ? CaseFilter.all() : filter;
        if (f.visibleToCoaches() != null && f.visibleToCoaches().isEmpty()) {
            return List.of();
        }
        List<String> parameters = new ArrayList<>();
        StringBuilder coachCondition = new StringBuilder();
        if (f.visibleToCoaches() != null) {
            coachCondition.append(" AND c.coach IN (");
            for (String coach : f.visibleToCoaches().stream().sorted().toList()) {
                coachCondition.append(parameters.isEmpty() ? "?" : ", ?");
                parameters.add(coach);
            }
            coachCondition.append(')');
        }
        if (f.coach() != null) {
            coachCondition.append(" AND c.coach = ?");
            parameters.add(f.coach());
        }
        StringBuilder outcomeCondition = new StringBuilder();
        if (f.primaryType() != null) {
            outcomeCondition.append(" AND o.primary_type = ?");
            parameters.add(f.primaryType());
        }
        if (f.stage() != null) {
            outcomeCondition.append(" AND o.stage = ?");
            parameters.add(f.stage());
        }
        if (f.safetyStatus() != null) {
            outcomeCondition.append(" AND o.safety_status = ?");
            parameters.add(f.safetyStatus());
        }
        String sql = "WITH current_versions AS ("
                + " SELECT i.intake_id, i.case_id, i.meeting, i.meeting_date,"
                + " ROW_NUMBER() OVER (PARTITION BY i.meeting ORDER BY i.version DESC) AS newest"
                + " FROM intakes i JOIN cases c ON c.case_id = i.case_id WHERE 1 = 1" + coachCondition
                + "), latest AS ("
                + " SELECT cv.intake_id, cv.case_id,"
                + " ROW_NUMBER() OVER (PARTITION BY cv.case_id ORDER BY cv.meeting_date DESC, cv.meeting DESC) AS latest_rank,"
                + " COUNT(*) OVER (PARTITION BY cv.case_id) AS meetings"
                + " FROM current_versions cv WHERE cv.newest = 1"
                + ")"
                + " SELECT c.case_id AS summary_case_id, c.coach, u.display_name AS coach_name, l.meetings, " + INTAKE_COLUMNS
                + " FROM latest l"
                + " JOIN cases c ON c.case_id = l.case_id"
                + " JOIN users u ON u.username = c.coach"
                + " JOIN intakes i ON i.intake_id = l.intake_id"
                + " JOIN outcomes o ON o.intake_id = l.intake_id"
                + " WHERE l.latest_rank = 1" + outcomeCondition
                // Most urgent first: a case that needs a referral today is not found by scrolling.
                + " ORDER BY CASE o.safety_status WHEN 'URGENT' THEN 0 WHEN 'REFER' THEN 1 ELSE 2 END,"
                + " i.meeting_date DESC, c.case_id";
        return jdbc.run("list cases", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setString(i + 1, parameters.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    List<CaseSummary> cases = new ArrayList<>();
                    while (rows.next()) {
                        cases.add(new CaseSummary(rows.getString("summary_case_id"), rows.getString("coach"),
                                rows.getString("coach_name"), rows.getInt("meetings"), intake(rows)));
                    }
                    return cases;
                }
            }
        });
    }

    private List<StoredIntake> intakes(String doing, String sql, String caseId) {
        return jdbc.run(doing, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, caseId);
                try (ResultSet rows = select.executeQuery()) {
                    List<StoredIntake> intakes = new ArrayList<>();
                    while (rows.next()) {
                        intakes.add(intake(rows));
                    }
                    return intakes;
                }
            }
        });
    }

    private StoredIntake intake(ResultSet rows) throws SQLException {
        return new StoredIntake(rows.getLong("intake_id"), rows.getString("case_id"), rows.getLong("meeting"),
                rows.getInt("version"), jdbc.getDate(rows, "meeting_date"), rows.getString("observer"),
                rows.getString("intake_json"), rows.getString("outcome_json"), rows.getString("rule_set_version"),
                rows.getString("primary_type"), rows.getString("stage"), rows.getString("safety_status"),
                rows.getString("stored_by"), jdbc.getInstant(rows, "stored_at"));
    }

    /** The case did not exist when looked at, but did when inserted: a concurrent first intake of the same case. */
    private static final class CaseCreatedMeanwhile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CaseCreatedMeanwhile() {
            super(null, null, false, false);
        }
    }
}
