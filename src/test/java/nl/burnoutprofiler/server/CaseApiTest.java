package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;
import nl.burnoutprofiler.store.AuditEntry;
import nl.burnoutprofiler.store.StoredIntake;

/**
 * A coach keeps a case over meetings: each intake is stored with its outcome, corrections keep the earlier
 * version, and the case shows what changed between the last two meetings. Every read and write is audited, without
 * the intake's content.
 */
class CaseApiTest {

    @TempDir
    static Path data;

    private static TestServer server;
    private static Caller admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
        admin = server.adminToken("case-admin");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** First meeting: relational, precontemplation; sleep slightly troubled. */
    private static TestIntake firstMeeting() {
        return TestIntake.withoutCaseId().on("2026-11-06")
                .observed("HISTORY_OF_BULLYING", 3).observed("TENSION_RISES_IN_RELATIONSHIPS", 3)
                .observed("FEEDBACK_FELT_AS_REJECTION", 3).observed("NO_PROBLEM_AWARENESS", 3)
                .observed("SLEEP_PROBLEMS", 1).rulers(3, 5, 2);
    }

    /** Second meeting: physiological, contemplation; bullying checked and gone, sleep much worse. */
    private static TestIntake secondMeeting() {
        return TestIntake.withoutCaseId().on("2026-11-20")
                .observed("SLEEP_PROBLEMS", 3).observed("INSIGHTS_DO_NOT_STICK", 3)
                .observed("PROLONGED_RESERVE_RUNNING", 3).observed("AMBIVALENCE", 2)
                .checkedAbsent("HISTORY_OF_BULLYING").rulers(7, 3, 5);
    }

    private static Response store(Caller coach, String caseId, String intake) {
        return coach.post("/api/v1/cases/" + caseId + "/intakes", intake);
    }

    /** Stores a correction of the intake {@code corrects} (any text, to try bad values too). */
    private static Response correct(Caller coach, String caseId, Object corrects, String intake) {
        return coach.post("/api/v1/cases/" + caseId + "/intakes?corrects=" + corrects, intake);
    }

    private static JsonNode stored(Caller coach, String caseId, String intake) {
        return created(store(coach, caseId, intake));
    }

    private static JsonNode created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode readCase(Caller reader, String caseId) {
        Response response = reader.get("/api/v1/cases/" + caseId);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<String> caseIds(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().path("cases").findValuesAsText("caseId");
    }

    // ---- storing

    @Test
    void eachIntakeIsStoredWithItsOutcomeAsANewMeeting() {
        Caller coach = server.coach("store-coach");

        Response first = store(coach, "c-store", firstMeeting().json());
        JsonNode second = stored(coach, "c-store", secondMeeting().json());

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/api/v1/cases/c-store");
        JsonNode meeting = first.json();
        assertThat(meeting.path("caseId").asText()).isEqualTo("c-store");
        assertThat(meeting.path("version").asInt()).isEqualTo(1);
        assertThat(meeting.path("meeting").asLong()).isEqualTo(meeting.path("intakeId").asLong());
        assertThat(meeting.path("storedBy").asText()).isEqualTo("store-coach");
        assertThat(meeting.path("intake").path("caseId").asText()).as("case id taken from the path")
                .isEqualTo("c-store");
        assertThat(meeting.path("outcome").path("presentation").path("primary").asText()).isEqualTo("RELATIONAL");
        assertThat(second.path("meeting").asLong()).isNotEqualTo(meeting.path("meeting").asLong());

        String version = server.engine().ruleSetVersion();
        assertThat(meeting.path("ruleSetVersion").asText()).isEqualTo(version);
        assertThat(meeting.path("outcome").path("ruleSetVersion").asText()).isEqualTo(version);
        assertThat(server.database().cases().history("c-store")).extracting(StoredIntake::ruleSetVersion)
                .containsOnly(version);
        assertThat(server.database().cases().ownerOf("c-store")).contains("store-coach");
    }

    @Test
    void aCaseIdInTheBodyMustBeThatOfThePath() {
        Caller coach = server.coach("path-coach");
        Response response = store(coach, "c-path", TestIntake.forCase("c-other").observed("SLEEP_PROBLEMS", 2).json());
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("caseId");
        assertThat(server.database().cases().ownerOf("c-path")).isEmpty();
        assertThat(server.database().cases().ownerOf("c-other")).isEmpty();
    }

    @Test
    void aCorrectionIsANewVersionOfItsMeetingAndKeepsTheOldOne() {
        Caller coach = server.coach("correcting-coach");
        JsonNode original = stored(coach, "c-correct", firstMeeting().notes("first version").json());
        long intakeId = original.path("intakeId").asLong();

        JsonNode correction = created(correct(coach, "c-correct", intakeId,
                firstMeeting().observed("EXHAUSTION", 2).notes("corrected version").json()));

        assertThat(correction.path("meeting").asLong()).isEqualTo(intakeId);
        assertThat(correction.path("version").asInt()).isEqualTo(2);
        assertThat(correction.path("intakeId").asLong()).isNotEqualTo(intakeId);

        List<StoredIntake> history = server.database().cases().history("c-correct");
        assertThat(history).extracting(StoredIntake::version).containsExactly(1, 2);
        assertThat(history.get(0).intakeJson()).contains("first version").doesNotContain("EXHAUSTION");
        assertThat(history.get(1).intakeJson()).contains("corrected version", "EXHAUSTION");

        JsonNode theCase = readCase(coach, "c-correct");
        assertThat(theCase.path("meetings")).hasSize(1);
        assertThat(theCase.path("meetings").path(0).path("version").asInt()).isEqualTo(2);
        assertThat(theCase.path("meetings").path(0).path("versions").asInt()).isEqualTo(2);
        assertThat(theCase.path("meetings").path(0).path("intake").path("notes").asText())
                .isEqualTo("corrected version");
    }

    @Test
    void aCorrectionMustNameAnIntakeOfTheSameCase() {
        Caller coach = server.coach("wrong-correction-coach");
        long elsewhere = stored(coach, "c-elsewhere", firstMeeting().json()).path("intakeId").asLong();
        stored(coach, "c-here", firstMeeting().json());

        Response response = correct(coach, "c-here", elsewhere, secondMeeting().json());
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("corrects");

        Response notANumber = correct(coach, "c-here", "first", secondMeeting().json());
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.errorFields()).containsExactly("corrects");
        assertThat(server.database().cases().history("c-here")).hasSize(1);
        assertThat(server.database().cases().history("c-elsewhere")).hasSize(1);
    }

    @Test
    void aBadIntakeIsRefusedAndNothingStoredBeforeIsLost() {
        Caller coach = server.coach("careful-coach");
        JsonNode first = stored(coach, "c-careful", firstMeeting().json());

        Response bad = store(coach, "c-careful", "{\"date\": \"2026-11-20\", \"observations\": "
                + "[{\"code\": \"SLEEP_PROBLEMS\", \"intensity\": 7}, {\"code\": \"NOT_A_CODE\"}]}");
        Response badCorrection = correct(coach, "c-careful", first.path("intakeId").asLong(), "{\"rulers\":");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("observations[0].intensity", "observations[1].code");
        assertThat(badCorrection.status()).isEqualTo(400);
        assertThat(badCorrection.errorFields()).containsExactly("$");
        assertThat(server.database().cases().history("c-careful")).hasSize(1)
                .allSatisfy(intake -> assertThat(intake.intakeId()).isEqualTo(first.path("intakeId").asLong()));
        assertThat(readCase(coach, "c-careful").path("meetings")).hasSize(1);
    }

    @Test
    void aBadCaseIdInThePathIsRefused() {
        Caller coach = server.coach("path-id-coach");
        Response response = store(coach, "Jan%20de%20Vries", firstMeeting().json());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("caseId");
    }

    @Test
    void aStageThatWentBackSinceThePreviousMeetingBringsTheRelapseGuidance() {
        Caller coach = server.coach("relapse-coach");
        TestIntake acting = TestIntake.withoutCaseId().on("2026-11-06")
                .observed("VISIBLE_BEHAVIOUR_CHANGE", 3).observed("EXHAUSTION", 2);
        TestIntake weighingAgain = TestIntake.withoutCaseId().on("2026-11-20")
                .observed("AMBIVALENCE", 3).observed("VAGUE_LONG_TERM_INTENTION", 2).observed("EXHAUSTION", 2);

        JsonNode first = stored(coach, "c-went-back", acting.json());
        JsonNode second = stored(coach, "c-went-back", weighingAgain.json());

        assertThat(first.path("intake").has("previousStage")).as("a first meeting has no previous stage").isFalse();
        assertThat(first.path("outcome").path("stage").path("stage").asText()).isEqualTo("ACTION");
        assertThat(second.path("intake").path("previousStage").asText()).as("stored with the intake")
                .isEqualTo("ACTION");
        assertThat(second.path("outcome").path("stage").path("stage").asText()).isEqualTo("CONTEMPLATION");
        assertThat(second.path("outcome").path("recommendations").findValuesAsText("id"))
                .contains("LEARN_FROM_RELAPSE");

        JsonNode correctedFirst = created(correct(coach, "c-went-back", first.path("intakeId").asLong(),
                acting.json()));
        assertThat(correctedFirst.path("intake").has("previousStage"))
                .as("a correction of the first meeting does not take its own stage as the previous one").isFalse();
    }

    // ---- reading a case

    @Test
    void theCaseShowsItsMeetingsInDateOrderAndWhatChangedBetweenTheLastTwo() {
        Caller coach = server.coach("course-coach");
        stored(coach, "c-course", secondMeeting().json());
        stored(coach, "c-course", firstMeeting().json());

        JsonNode theCase = readCase(coach, "c-course");

        assertThat(theCase.path("coach").asText()).isEqualTo("course-coach");
        assertThat(theCase.path("coachName").asText()).isEqualTo(TestServer.displayName("course-coach"));
        assertThat(theCase.path("meetings")).extracting(meeting -> meeting.path("date").asText())
                .containsExactly("2026-11-06", "2026-11-20");
        assertThat(theCase.path("meetings")).allSatisfy(meeting -> {
            assertThat(meeting.path("version").asInt()).isEqualTo(1);
            assertThat(meeting.path("versions").asInt()).isEqualTo(1);
        });

        JsonNode changes = theCase.path("changes");
        assertThat(changes.path("from").asText()).isEqualTo("2026-11-06");
        assertThat(changes.path("to").asText()).isEqualTo("2026-11-20");
        assertThat(changes.path("primary").path("before").asText()).isEqualTo("RELATIONAL");
        assertThat(changes.path("primary").path("after").asText()).isEqualTo("PHYSIOLOGICAL");
        assertThat(changes.path("stage").path("before").asText()).isEqualTo("PRECONTEMPLATION");
        assertThat(changes.path("stage").path("after").asText()).isEqualTo("CONTEMPLATION");
        assertThat(texts(changes.path("added")))
                .containsExactly("AMBIVALENCE", "INSIGHTS_DO_NOT_STICK", "PROLONGED_RESERVE_RUNNING");
        assertThat(texts(changes.path("removed"))).containsExactly("FEEDBACK_FELT_AS_REJECTION",
                "HISTORY_OF_BULLYING", "NO_PROBLEM_AWARENESS", "TENSION_RISES_IN_RELATIONSHIPS");
        assertThat(changes.path("intensity")).hasSize(1);
        assertThat(changes.path("intensity").path(0).path("code").asText()).isEqualTo("SLEEP_PROBLEMS");
        assertThat(changes.path("intensity").path(0).path("before").asInt()).isEqualTo(1);
        assertThat(changes.path("intensity").path(0).path("after").asInt()).isEqualTo(3);
        assertThat(changes.path("rulers").path("importance").path("before").asInt()).isEqualTo(3);
        assertThat(changes.path("rulers").path("importance").path("after").asInt()).isEqualTo(7);

        JsonNode latestOutcome = theCase.path("meetings").path(1).path("outcome");
        assertThat(theCase.path("nextSteps")).isNotEmpty().isEqualTo(latestOutcome.path("recommendations"));
        assertThat(theCase.path("nextQuestions")).isEqualTo(latestOutcome.path("questions"));
    }

    @Test
    void aCaseWithOneMeetingHasNoChanges() {
        Caller coach = server.coach("single-coach");
        stored(coach, "c-single", firstMeeting().json());
        JsonNode theCase = readCase(coach, "c-single");
        assertThat(theCase.path("changes").isMissingNode() || theCase.path("changes").isNull()).isTrue();
        assertThat(theCase.path("nextSteps")).isNotEmpty();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    // ---- listing cases

    @Test
    void theListPutsTheMostUrgentCasesFirstWhateverTheirDate() {
        Caller coach = server.coach("urgency-coach");
        stored(coach, "c-old-urgent", TestIntake.withoutCaseId().on("2026-10-01").observed("SUICIDAL_IDEATION", 2).json());
        stored(coach, "c-refer", TestIntake.withoutCaseId().on("2026-10-15").observed("SEVERE_DEPRESSIVE_SYMPTOMS", 2)
                .json());
        stored(coach, "c-new-clear", firstMeeting().on("2026-11-30").json());

        assertThat(caseIds(coach.get("/api/v1/cases"))).as("URGENT, then REFER, then by date")
                .containsExactly("c-old-urgent", "c-refer", "c-new-clear");
    }

    @Test
    void theListFiltersOnTheLatestOutcomeAndOnTheCoach() {
        Caller manager = server.caseManager("filter-manager");
        Caller vera = server.coach("vera", "filter-manager");
        Caller wim = server.coach("wim", "filter-manager");
        stored(vera, "c-relational", firstMeeting().json());
        stored(vera, "c-physiological", secondMeeting().json());
        stored(wim, "c-urgent", TestIntake.withoutCaseId().on("2026-11-21").observed("SUICIDAL_IDEATION", 2).json());

        assertThat(caseIds(vera.get("/api/v1/cases"))).containsExactly("c-physiological", "c-relational");
        assertThat(caseIds(manager.get("/api/v1/cases")))
                .as("newest latest date first").containsExactly("c-urgent", "c-physiological", "c-relational");
        assertThat(caseIds(manager.get("/api/v1/cases?type=PHYSIOLOGICAL"))).containsExactly("c-physiological");
        assertThat(caseIds(manager.get("/api/v1/cases?stage=PRECONTEMPLATION"))).containsExactly("c-relational");
        assertThat(caseIds(manager.get("/api/v1/cases?safety=URGENT"))).containsExactly("c-urgent");
        assertThat(caseIds(manager.get("/api/v1/cases?safety=CLEAR&coach=vera")))
                .containsExactly("c-physiological", "c-relational");
        assertThat(caseIds(manager.get("/api/v1/cases?coach=wim"))).containsExactly("c-urgent");
        assertThat(caseIds(manager.get("/api/v1/cases?type=IDENTITY"))).isEmpty();

        JsonNode summary = manager.get("/api/v1/cases?coach=wim").json().path("cases").path(0);
        assertThat(summary.path("coachName").asText()).isEqualTo(TestServer.displayName("wim"));
        assertThat(summary.path("meetings").asInt()).isEqualTo(1);
        assertThat(summary.path("latest").path("safety").asText()).isEqualTo("URGENT");
        assertThat(summary.path("latest").path("ruleSetVersion").asText())
                .isEqualTo(server.engine().ruleSetVersion());
    }

    @ParameterizedTest(name = "{0}=NONSENSE is refused")
    @ValueSource(strings = {"type", "stage", "safety"})
    void aBadFilterValueIsRefusedNamingTheFilter(String filter) {
        Caller coach = server.coach("filtering-coach-" + filter);
        Response response = coach.get("/api/v1/cases?" + filter + "=NONSENSE");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly(filter);
        assertThat(response.json().path("errors").path(0).path("value").asText()).isEqualTo("NONSENSE");
    }

    // ---- the audit log

    @Test
    void theAuditLogRecordsWhoReadAndWroteTheCaseButNeverItsContent() {
        String secret = "Zeer persoonlijke aantekening 7f3a9";
        Caller manager = server.caseManager("audit-manager");
        Caller coach = server.coach("audit-coach", "audit-manager");
        long first = stored(coach, "c-audit", firstMeeting().notes(secret).json()).path("intakeId").asLong();
        created(correct(coach, "c-audit", first, firstMeeting().observed("AMBIVALENCE", 2, secret).notes(secret)
                .json()));
        readCase(coach, "c-audit");
        readCase(manager, "c-audit");

        Response response = admin.get("/api/v1/admin/audit?caseId=c-audit");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> recorded = response.json().path("entries").findParents("action").stream()
                .map(entry -> entry.path("actor").asText() + " " + entry.path("action").asText() + " "
                        + entry.path("caseId").asText())
                .toList();
        assertThat(recorded).containsExactly(
                "audit-coach store-intake c-audit",
                "audit-coach correct-intake c-audit",
                "audit-coach read-case c-audit",
                "audit-manager read-case c-audit");
        assertThat(response.body()).doesNotContain(secret, "SLEEP_PROBLEMS");

        List<AuditEntry> everything = server.database().audit().recent(10_000);
        assertThat(everything).isNotEmpty().allSatisfy(entry -> assertThat(String.join(" ", entry.actor(),
                entry.action(), String.valueOf(entry.caseId()), String.valueOf(entry.detail())))
                .doesNotContain(secret));
        assertThat(admin.get("/api/v1/admin/audit").body()).doesNotContain(secret);
    }

    @Test
    void listingCasesIsAudited() {
        Caller coach = server.coach("listing-coach");
        stored(coach, "c-listed", firstMeeting().json());
        coach.get("/api/v1/cases");
        assertThat(server.database().audit().recent(20)).anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("listing-coach");
            assertThat(entry.action()).isEqualTo(Audit.LIST_CASES);
        });
    }
}
