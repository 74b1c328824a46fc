package nl.burnoutprofiler.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CDS Hooks cards the service issued, and what CDS clients reported the coach did with them. Both are
 * append-only; the database refuses UPDATE and DELETE. A case manager reads the feedback of a case with
 * {@link #forCase(String)}.
 */
public final class CdsFeedbackStore {

    public static final String ACCEPTED = "accepted";
    public static final String OVERRIDDEN = "overridden";
    /** The longest comment a coach may add to an override. */
    public static final int MAX_COMMENT = 2000;

    /** A card about to be issued. */
    public record NewCard(String uuid, String serviceId, String caseId, String recommendationId,
                          String ruleSetVersion) {
    }

    /** A card as first issued. */
    public record IssuedCard(String uuid, String serviceId, String caseId, String recommendationId,
                             String ruleSetVersion, Instant issuedAt, String issuedTo) {
    }

    /**
     * One feedback item as a client sent it.
     *
     * @param outcome             {@value #ACCEPTED} or {@value #OVERRIDDEN}
     * @param acceptedSuggestions uuids of the accepted suggestions, empty when none
     * @param reasonSystem        code system of the override reason, or null (also for code and display)
     * @param userComment         what the coach wrote, or null
     */
    public record NewFeedback(String cardUuid, String outcome, List<String> acceptedSuggestions, String reasonSystem,
                              String reasonCode, String reasonDisplay, String userComment, Instant outcomeTimestamp) {

        public NewFeedback {
            acceptedSuggestions = acceptedSuggestions == null ? List.of() : List.copyOf(acceptedSuggestions);
        }
    }

    /** Stored feedback with the card it is about. */
    public record Feedback(long id, IssuedCard card, String outcome, List<String> acceptedSuggestions,
                           String reasonSystem, String reasonCode, String reasonDisplay, String userComment,
                           Instant outcomeTimestamp, Instant receivedAt, String receivedFrom) {
    }

    private static final String FEEDBACK_COLUMNS = "f.id, f.outcome, f.accepted_suggestions, "
            + "f.override_reason_system, f.override_reason_code, f.override_reason_display, f.user_comment, "
            + "f.outcome_timestamp, f.received_at, f.received_from, c.uuid, c.service_id, c.case_id, "
            + "c.recommendation_id, c.rule_set_version, c.issued_at, c.issued_to";

    private final Jdbc jdbc;

    CdsFeedbackStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records issued cards; a card issued before (same uuid) keeps its first record. */
    public void recordIssued(List<NewCard> cards, String issuedTo) {
        Jdbc.requireText(issuedTo, "issuedTo");
        jdbc.transaction("record " + cards.size() + " issued CDS cards", connection -> {
            Instant now = jdbc.now();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cds_cards (uuid, service_id, "
                    + "case_id, recommendation_id, rule_set_version, issued_at, issued_to) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (uuid) DO NOTHING")) {
                for (NewCard card : cards) {
                    insert.setString(1, card.uuid());
                    insert.setString(2, card.serviceId());
                    insert.setString(3, card.caseId());
                    insert.setString(4, card.recommendationId());
                    insert.setString(5, card.ruleSetVersion());
                    jdbc.setInstant(insert, 6, now);
                    insert.setString(7, issuedTo);
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    public Optional<IssuedCard> card(String uuid) {
        return jdbc.run("read CDS card " + uuid, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT uuid, service_id, case_id, "
                    + "recommendation_id, rule_set_version, issued_at, issued_to FROM cds_cards c WHERE uuid = ?")) {
                select.setString(1, uuid);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(card(rows)) : Optional.<IssuedCard>empty();
                }
            }
        });
    }

    /**
     * Stores one feedback item.
     *
     * @return false when the same feedback (card, outcome, outcome timestamp) was stored before: nothing is added
     * @throws IllegalArgumentException when the card was never issued, or a field is out of bounds
     */
    public boolean store(NewFeedback feedback, String receivedFrom) {
        Jdbc.requireText(feedback.cardUuid(), "card");
        Jdbc.requireText(receivedFrom, "receivedFrom");
        if (!ACCEPTED.equals(feedback.outcome()) && !OVERRIDDEN.equals(feedback.outcome())) {
            throw new IllegalArgumentException("outcome must be accepted or overridden, not " + feedback.outcome());
        }
        if (feedback.userComment() != null && feedback.userComment().length() > MAX_COMMENT) {
            throw new IllegalArgumentException("a user comment has at most " + MAX_COMMENT + " characters");
        }
        if (feedback.outcomeTimestamp() == null) {
            throw new IllegalArgumentException("outcomeTimestamp is required");
        }
        return jdbc.transaction("store CDS feedback on card " + feedback.cardUuid(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cds_feedback (card_uuid, "
                    + "outcome, accepted_suggestions, override_reason_system, override_reason_code, "
                    + "override_reason_display, user_comment, outcome_timestamp, received_at, received_from) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (card_uuid, outcome, outcome_timestamp) DO NOTHING")) {
                insert.setString(1, feedback.cardUuid());
                insert.setString(2, feedback.outcome());
                insert.setString(3, feedback.acceptedSuggestions().isEmpty() ? null
                        : String.join(" ", feedback.acceptedSuggestions()));
                insert.setString(4, feedback.reasonSystem());
                insert.setString(5, feedback.reasonCode());
                insert.setString(6, feedback.reasonDisplay());
                insert.setString(7, feedback.userComment());
                jdbc.setInstant(insert, 8, feedback.outcomeTimestamp());
                jdbc.setInstant(insert, 9, jdbc.now());
                insert.setString(10, receivedFrom);
                return insert.executeUpdate() == 1;
            } catch (SQLException e) {
                if (jdbc.isMissingReference(e)) {
                    throw new IllegalArgumentException("card " + feedback.cardUuid() + " was never issued", e);
                }
                throw e;
            }
        });
    }

    /** The feedback on the cards of a case, in the order the coach acted (then as received). */
    public List<Feedback> forCase(String caseId) {
        return jdbc.run("read the CDS feedback of case " + caseId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + FEEDBACK_COLUMNS
                    + " FROM cds_feedback f JOIN cds_cards c ON c.uuid = f.card_uuid WHERE c.case_id = ?"
                    + " ORDER BY f.outcome_timestamp, f.id")) {
                select.setString(1, caseId);
                try (ResultSet rows = select.executeQuery()) {
                    List<Feedback> feedback = new ArrayList<>();
                    while (rows.next()) {
                        feedback.add(feedback(rows));
                    }
                    return feedback;
                }
            }
        });
    }

    private IssuedCard card(ResultSet rows) throws SQLException {
        return new IssuedCard(rows.getString("uuid"), rows.getString("service_id"), rows.getString("case_id"),
                rows.getString("recommendation_id"), rows.getString("rule_set_version"),
                jdbc.getInstant(rows, "issued_at"), rows.getString("issued_to"));
    }

    private Feedback feedback(ResultSet rows) throws SQLException {
        String accepted = rows.getString("accepted_suggestions");
        return new Feedback(rows.getLong("id"), card(rows), rows.getString("outcome"),
                accepted == null ? List.of() : List.of(accepted.split(" ")),
                rows.getString("override_reason_system"), rows.getString("override_reason_code"),
                rows.getString("override_reason_display"), rows.getString("user_comment"),
                jdbc.getInstant(rows, "outcome_timestamp"), jdbc.getInstant(rows, "received_at"),
                rows.getString("received_from"));
    }
}
