package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;
import nl.burnoutprofiler.store.CaseStore;

/**
 * A client asks for their data to be erased (AVG/GDPR art. 17): an admin erases the case, with the request's number
 * as the reason. Everything stored of it goes, CDS Hooks cards included; the audit log keeps who erased it and why.
 */
class CaseErasureApiTest {

    @TempDir
    static Path data;

    private static TestServer server;
    private static Caller admin;
    private static Caller maria;
    private static Caller anna;
    private static Caller ehr;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
        admin = server.adminToken("privacy-officer");
        maria = server.caseManager("maria");
        anna = server.coach("anna", "maria");
        ehr = server.integratorToken("ehr");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A case of two meetings, the second corrected once, and the CDS cards an EHR received for it. */
    private static void caseWithHistory(String caseId) {
        String path = "/api/v1/cases/" + caseId + "/intakes";
        Response first = anna.post(path, TestIntake.withoutCaseId().on("2026-11-06").observed("SLEEP_PROBLEMS", 3)
                .observed("PROLONGED_RESERVE_RUNNING", 3).json());
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Response second = anna.post(path, TestIntake.withoutCaseId().on("2026-11-20").observed("SLEEP_PROBLEMS", 2)
                .json());
        assertThat(anna.post(path + "?corrects=" + second.json().path("intakeId").asLong(),
                TestIntake.withoutCaseId().on("2026-11-20").observed("SLEEP_PROBLEMS", 1).json()).status())
                .isEqualTo(201);
        Response cards = ehr.post(CdsHooksRoutes.SERVICE, CdsHooksTest.withIntake(TestIntake.forCase(caseId)
                .on("2026-11-20").observed("SLEEP_PROBLEMS", 3).observed("PROLONGED_RESERVE_RUNNING", 3).json())
                .toString());
        assertThat(cards.json().path("cards")).as(cards.toString()).isNotEmpty();
    }

    private static int cardsOf(String caseId) throws SQLException {
        try (Connection connection = server.database().dataSource().getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM cds_cards WHERE case_id = ?")) {
            count.setString(1, caseId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static Response erase(Caller caller, String caseId, String body) {
        return caller.post("/api/v1/cases/" + caseId + "/erasure", body);
    }

    @Test
    void anAdminErasesEverythingStoredOfACase() throws SQLException {
        caseWithHistory("c-erase-1");
        int cards = cardsOf("c-erase-1");

        Response erased = erase(admin, "c-erase-1", "{\"reason\":\"verzoek AVG-2026-014\"}");

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().path("intakes").asInt()).isEqualTo(3);
        assertThat(erased.json().path("cdsCards").asInt()).isEqualTo(cards).isPositive();
        assertThat(anna.get("/api/v1/cases/c-erase-1").status()).isEqualTo(404);
        assertThat(maria.get("/api/v1/cases").json().path("cases").findValuesAsText("caseId"))
                .doesNotContain("c-erase-1");
        assertThat(cardsOf("c-erase-1")).isZero();
    }

    @Test
    void theAuditLogKeepsWhoErasedTheCaseAndWhy() {
        caseWithHistory("c-erase-2");

        erase(admin, "c-erase-2", "{\"reason\":\"verzoek AVG-2026-015\"}");

        Response audit = admin.get("/api/v1/admin/audit?caseId=c-erase-2");
        assertThat(audit.json().path("entries").findValuesAsText("action"))
                .contains(Audit.STORE_INTAKE, CaseStore.ERASE_CASE);
        assertThat(server.database().audit().forCase("c-erase-2")).last().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("token-privacy-officer");
            assertThat(entry.detail()).startsWith("reason: verzoek AVG-2026-015;");
        });
    }

    @Test
    void onlyAnAdminMayErase() {
        caseWithHistory("c-erase-3");

        assertThat(erase(anna, "c-erase-3", "{\"reason\":\"mine\"}").status()).isEqualTo(403);
        assertThat(erase(maria, "c-erase-3", "{\"reason\":\"mine\"}").status()).isEqualTo(403);
        assertThat(erase(ehr, "c-erase-3", "{\"reason\":\"mine\"}").status()).isEqualTo(403);
        assertThat(anna.get("/api/v1/cases/c-erase-3").json().path("meetings")).hasSize(2);
    }

    @Test
    void anErasureWithoutAReasonIsRefusedAndErasesNothing() {
        caseWithHistory("c-erase-4");

        Response without = erase(admin, "c-erase-4", "{}");
        Response tooLong = erase(admin, "c-erase-4", "{\"reason\":\"" + "x".repeat(201) + "\"}");

        assertThat(without.status()).isEqualTo(400);
        assertThat(without.errorFields()).containsExactly("reason");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorFields()).containsExactly("reason");
        assertThat(anna.get("/api/v1/cases/c-erase-4").json().path("meetings")).hasSize(2);
    }

    @Test
    void anErasedCaseIdCannotBecomeAnotherCasesIdOfAnyCoach() {
        Caller ben = server.coach("ben");
        caseWithHistory("c-erase-5");
        assertThat(ben.post("/api/v1/cases/c-taken/intakes", intake()).status()).isEqualTo(201);
        assertThat(erase(admin, "c-erase-5", "{\"reason\":\"verzoek AVG-2026-017\"}").status()).isEqualTo(200);

        Response byAnother = ben.post("/api/v1/cases/c-erase-5/intakes", intake());
        Response byItsCoach = anna.post("/api/v1/cases/c-erase-5/intakes", intake());
        Response takenCase = anna.post("/api/v1/cases/c-taken/intakes", intake());

        for (Response refused : List.of(byAnother, byItsCoach)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.errorFields()).containsExactly("caseId");
            assertThat(refused.json().path("detail").asText()).contains("c-erase-5", "erased", "new pseudonym");
        }
        assertThat(byAnother.body().replace("c-erase-5", "ID")).as("the same as for another coach's case id")
                .isEqualTo(takenCase.body().replace("c-taken", "ID"));
        assertThat(server.database().cases().ownerOf("c-erase-5")).isEmpty();
        assertThat(anna.get("/api/v1/cases/c-erase-5").status()).isEqualTo(404);
    }

    private static String intake() {
        return TestIntake.withoutCaseId().on("2026-12-01").observed("SLEEP_PROBLEMS", 2).json();
    }

    @Test
    void aCaseWithNothingStoredIsNotFound() {
        Response answer = erase(admin, "c-never-stored", "{\"reason\":\"verzoek AVG-2026-016\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(server.database().audit().forCase("c-never-stored")).isEmpty();
    }
}
