package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;

/** An admin manages users and tokens; bad input is a 400 naming the field, never a server error. */
class AdminApiTest {

    @TempDir
    static Path data;

    private static TestServer server;
    private static Caller admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
        admin = server.adminToken("admin-api");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String user(String username, String displayName, String role, String password, String manager) {
        var body = TestServer.JSON.createObjectNode().put("username", username).put("displayName", displayName)
                .put("role", role).put("password", password);
        if (manager != null) {
            body.put("manager", manager);
        }
        return body.toString();
    }

    private static void assertRefused(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly(field);
    }

    @Test
    void aCreatedCoachWithACaseManagerSignsInAndTheManagerSeesTheirCases() {
        assertThat(admin.post("/api/v1/admin/users",
                user("ilse", "Ilse Manager", "case-manager", TestServer.PASSWORD, null)).status()).isEqualTo(201);
        Response coach = admin.post("/api/v1/admin/users",
                user("joost", "Joost Coach", "coach", TestServer.PASSWORD, "ilse"));
        assertThat(coach.status()).as(coach.toString()).isEqualTo(201);
        assertThat(coach.json().path("manager").asText()).isEqualTo("ilse");
        assertThat(coach.body()).doesNotContain(TestServer.PASSWORD);

        Caller joost = server.signIn("joost", TestServer.PASSWORD);
        assertThat(joost.post("/api/v1/cases/c-joost/intakes",
                TestIntake.withoutCaseId().observed("SLEEP_PROBLEMS", 2).json()).status()).isEqualTo(201);
        Caller ilse = server.signIn("ilse", TestServer.PASSWORD);
        assertThat(ilse.get("/api/v1/cases/c-joost").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/admin/users").json().findValuesAsText("username")).contains("ilse", "joost");
    }

    private static int signInStatus(String username, String password) {
        return server.anonymous().post("/api/v1/session", TestServer.JSON.createObjectNode()
                .put("username", username).put("password", password).toString()).status();
    }

    private static boolean listedAsActive(String username) {
        for (JsonNode user : admin.get("/api/v1/admin/users").json()) {
            if (user.path("username").asText().equals(username)) {
                return user.path("active").asBoolean();
            }
        }
        throw new AssertionError("no user " + username);
    }

    @Test
    void anAdminResetsAPasswordAndDeactivatesAUserWhoLeft() {
        assertThat(admin.post("/api/v1/admin/users",
                user("karel", "Karel Coach", "coach", TestServer.PASSWORD, null)).status()).isEqualTo(201);
        Caller karel = server.signIn("karel", TestServer.PASSWORD);
        assertThat(karel.get("/api/v1/cases").status()).isEqualTo(200);
        assertThat(listedAsActive("karel")).isTrue();

        String newPassword = "a-fresh-start-for-karel";
        Response reset = admin.post("/api/v1/admin/users/karel/password",
                TestServer.JSON.createObjectNode().put("password", newPassword).toString());
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.body()).doesNotContain(newPassword);
        assertThat(karel.get("/api/v1/cases").status()).as("the old session ended").isEqualTo(401);
        assertThat(signInStatus("karel", TestServer.PASSWORD)).as("the old password").isEqualTo(401);
        Caller again = server.signIn("karel", newPassword);
        assertRefused(admin.post("/api/v1/admin/users/karel/password", "{\"password\":\"short\"}"), "password");

        Response deactivated = admin.post("/api/v1/admin/users/karel/deactivation", "{}");
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();
        assertThat(again.get("/api/v1/cases").status()).as("signed out everywhere").isEqualTo(401);
        assertThat(signInStatus("karel", newPassword)).isEqualTo(401);
        assertThat(listedAsActive("karel")).isFalse();

        assertThat(admin.post("/api/v1/admin/users/nobody/deactivation", "{}").status()).isEqualTo(404);
        assertThat(server.database().audit().recent(20)).extracting(entry -> entry.action())
                .contains(Audit.RESET_PASSWORD, Audit.DEACTIVATE_USER);
    }

    @Test
    void aNewTokenIsShownOnceAndWorksUntilRevoked() {
        Response created = admin.post("/api/v1/admin/tokens", "{\"name\":\"partner\",\"role\":\"integrator\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().path("token").asText();
        assertThat(token).startsWith(Secrets.TOKEN_PREFIX);

        Caller partner = server.anonymous().with("Authorization", "Bearer " + token);
        assertThat(partner.get("/api/v1/catalogue").status()).isEqualTo(200);
        JsonNode listed = admin.get("/api/v1/admin/tokens").json();
        assertThat(listed.findValuesAsText("name")).contains("partner");
        assertThat(listed.toString()).doesNotContain(token);

        assertThat(admin.delete("/api/v1/admin/tokens/partner").status()).isEqualTo(204);
        assertThat(partner.get("/api/v1/catalogue").status()).isEqualTo(401);
        assertThat(admin.delete("/api/v1/admin/tokens/partner").status()).isEqualTo(404);
    }

    @Test
    void badUsersAreRefusedNamingTheField() {
        assertRefused(admin.post("/api/v1/admin/users", user("Kees Jansen", "K", "coach", TestServer.PASSWORD, null)),
                "username");
        assertRefused(admin.post("/api/v1/admin/users", user("kees", "K", "wizard", TestServer.PASSWORD, null)),
                "role");
        assertRefused(admin.post("/api/v1/admin/users", user("kees", "K", "coach", "short", null)), "password");
        assertRefused(admin.post("/api/v1/admin/users", user("kees", "K", "coach", "p".repeat(73), null)),
                "password");
        assertRefused(admin.post("/api/v1/admin/users", user("kees", "K".repeat(201), "coach", TestServer.PASSWORD,
                null)), "displayName");
        assertRefused(admin.post("/api/v1/admin/users", user("kees", "K", "coach", TestServer.PASSWORD, "nobody")),
                "manager");
        assertThat(server.database().users().find("kees")).isEmpty();
    }

    @Test
    void aTakenUsernameIsAConflict() {
        assertThat(admin.post("/api/v1/admin/users", user("lotte", "Lotte", "coach", TestServer.PASSWORD, null))
                .status()).isEqualTo(201);
        Response again = admin.post("/api/v1/admin/users", user("lotte", "Other", "coach", TestServer.PASSWORD, null));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badTokensAreRefusedNamingTheField() {
        assertRefused(admin.post("/api/v1/admin/tokens", "{\"name\":\"" + "n".repeat(101)
                + "\",\"role\":\"integrator\"}"), "name");
        assertRefused(admin.post("/api/v1/admin/tokens", "{\"name\":\"coach-app\",\"role\":\"coach\"}"), "user");
        assertRefused(admin.post("/api/v1/admin/tokens", "{\"role\":\"integrator\"}"), "name");
        assertRefused(admin.post("/api/v1/admin/tokens", "not json"), "$");
    }
}
