package nl.burnoutprofiler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.burnoutprofiler.store.CdsFeedbackStore.Feedback;
import nl.burnoutprofiler.store.CdsFeedbackStore.NewCard;
import nl.burnoutprofiler.store.CdsFeedbackStore.NewFeedback;

/**
 * The CDS Hooks cards and feedback in the store, on any database it supports: cards recorded once, feedback kept
 * once per card, outcome and moment, read per case in the order the coach acted, and nothing changed afterwards.
 */
abstract class CdsFeedbackStoreContractTest {

    static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    static final String CARD_1 = "0b6b5a52-3a3c-3c5e-9d1f-1c2b3d4e5f60";
    static final String CARD_2 = "1c7c6b63-4b4d-3d6f-8e20-2d3c4e5f6071";
    static final String OTHER_CASE_CARD = "2d8d7c74-5c5e-3e70-9f31-3e4d5f607182";

    final TestClock clock = new TestClock(START);
    Database db;
    CdsFeedbackStore store;

    abstract DatabaseSettings newDatabase() throws Exception;

    void dropDatabase() {
    }

    @BeforeEach
    void open() throws Exception {
        db = Database.open(newDatabase(), clock);
        store = db.cdsFeedback();
        store.recordIssued(List.of(
                new NewCard(CARD_1, "svc", "c-1", "REGULATION_BEFORE_INSIGHT", "1.0+abc"),
                new NewCard(CARD_2, "svc", "c-1", "MOTIVATIONAL_INTERVIEWING", "1.0+abc"),
                new NewCard(OTHER_CASE_CARD, "svc", "c-2", "URGENT_REFERRAL", "1.0+abc")), "ehr");
    }

    @AfterEach
    void close() {
        try {
            if (db != null) {
                db.close();
            }
        } finally {
            dropDatabase();
        }
    }

    static NewFeedback overridden(String card, String at) {
        return new NewFeedback(card, CdsFeedbackStore.OVERRIDDEN, List.of(), "urn:reasons", "not-now", "Past nu niet",
                "Eerst slaap.", Instant.parse(at));
    }

    @Test
    void aCardIssuedAgainKeepsItsFirstRecord() {
        clock.advance(Duration.ofHours(1));
        store.recordIssued(List.of(new NewCard(CARD_1, "svc", "c-1", "REGULATION_BEFORE_INSIGHT", "1.0+abc")),
                "another-client");
        assertThat(store.card(CARD_1)).hasValueSatisfying(card -> {
            assertThat(card.issuedAt()).isEqualTo(START);
            assertThat(card.issuedTo()).isEqualTo("ehr");
            assertThat(card.caseId()).isEqualTo("c-1");
            assertThat(card.recommendationId()).isEqualTo("REGULATION_BEFORE_INSIGHT");
        });
        assertThat(store.card("no-such-card")).isEmpty();
    }

    @Test
    void feedbackIsReadPerCaseInTheOrderTheCoachActed() {
        clock.advance(Duration.ofMinutes(5));
        assertThat(store.store(overridden(CARD_2, "2026-11-20T09:03:00Z"), "ehr")).isTrue();
        assertThat(store.store(new NewFeedback(CARD_1, CdsFeedbackStore.ACCEPTED, List.of("s-1"), null, null, null,
                null, Instant.parse("2026-11-20T09:01:00.123456Z")), "portal")).isTrue();
        assertThat(store.store(overridden(OTHER_CASE_CARD, "2026-11-20T09:02:00Z"), "ehr")).isTrue();

        List<Feedback> feedback = store.forCase("c-1");
        assertThat(feedback).extracting(f -> f.card().uuid()).containsExactly(CARD_1, CARD_2);
        Feedback accepted = feedback.get(0);
        assertThat(accepted.outcome()).isEqualTo("accepted");
        assertThat(accepted.acceptedSuggestions()).containsExactly("s-1");
        assertThat(accepted.reasonCode()).isNull();
        assertThat(accepted.outcomeTimestamp()).isEqualTo(Instant.parse("2026-11-20T09:01:00.123456Z"));
        assertThat(accepted.receivedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(accepted.receivedFrom()).isEqualTo("portal");
        Feedback overridden = feedback.get(1);
        assertThat(overridden.acceptedSuggestions()).isEmpty();
        assertThat(overridden.reasonSystem()).isEqualTo("urn:reasons");
        assertThat(overridden.reasonDisplay()).isEqualTo("Past nu niet");
        assertThat(overridden.userComment()).isEqualTo("Eerst slaap.");
        assertThat(overridden.card().recommendationId()).isEqualTo("MOTIVATIONAL_INTERVIEWING");
        assertThat(store.forCase("c-2")).hasSize(1);
        assertThat(store.forCase("c-none")).isEmpty();
    }

    @Test
    void theSameFeedbackSentAgainIsKeptOnce() {
        assertThat(store.store(overridden(CARD_1, "2026-11-20T09:03:00Z"), "ehr")).isTrue();
        assertThat(store.store(overridden(CARD_1, "2026-11-20T09:03:00Z"), "ehr")).isFalse();
        assertThat(store.store(overridden(CARD_1, "2026-11-20T09:04:00Z"), "ehr")).as("a later override").isTrue();
        assertThat(store.forCase("c-1")).hasSize(2);
    }

    @Test
    void feedbackOnACardNeverIssuedOrWithoutItsFieldsIsRefused() {
        assertThatThrownBy(() -> store.store(overridden("3e9e8d85-0000-3000-8000-000000000000",
                "2026-11-20T09:03:00Z"), "ehr")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never issued");
        assertThatThrownBy(() -> store.store(new NewFeedback(CARD_1, "ignored", List.of(), null, null, null, null,
                START), "ehr")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.store(new NewFeedback(CARD_1, "overridden", List.of(), null, null, null,
                "x".repeat(CdsFeedbackStore.MAX_COMMENT + 1), START), "ehr"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.forCase("c-1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE cds_cards SET case_id = 'c-9'",
            "DELETE FROM cds_cards WHERE case_id = 'c-2'",
            "UPDATE cds_feedback SET outcome = 'accepted'",
            "DELETE FROM cds_feedback",
    })
    void theDatabaseRefusesToChangeCardsOrFeedback(String sql) throws SQLException {
        store.store(overridden(CARD_1, "2026-11-20T09:03:00Z"), "ehr");
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(sql)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(store.forCase("c-1")).hasSize(1);
        assertThat(store.card(CARD_1)).hasValueSatisfying(card -> assertThat(card.caseId()).isEqualTo("c-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cds_cards", "cds_feedback"})
    void theDatabaseRefusesToTruncateThem(String table) throws SQLException {
        store.store(overridden(CARD_1, "2026-11-20T09:03:00Z"), "ehr");
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("TRUNCATE TABLE " + table))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(store.forCase("c-1")).hasSize(1);
    }
}
