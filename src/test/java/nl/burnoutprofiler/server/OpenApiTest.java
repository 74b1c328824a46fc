package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;
import nl.burnoutprofiler.store.Role;

/**
 * The OpenAPI document at /api/openapi.json tells integrators the truth: every route is in it with the roles that
 * may call it, nothing else is, and what the server answers fits the documented schemas.
 */
class OpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");

    @TempDir
    static Path data;

    private static TestServer server;
    private static JsonNode document;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(data);
        document = TestServer.JSON.readTree(OpenApi.document());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The role ids ({@code coach}, {@code case-manager}, ...) of a route's access. */
    private static Set<String> roleIds(Set<Access> access) {
        return access.stream().map(a -> Role.valueOf(a.name()).id()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    private static JsonNode operation(RouteTable.Route route) {
        return document.path("paths").path(route.path()).path(route.method().name().toLowerCase(Locale.ROOT));
    }

    private static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> item : path.getValue().properties()) {
                if (METHODS.contains(item.getKey())) {
                    operations.add(key(item.getKey(), path.getKey()));
                }
            }
        }
        return operations;
    }

    @Test
    void isAnOpenApi30DocumentServedAtApiOpenapiJson() {
        assertThat(document.path("openapi").asText()).startsWith("3.0.");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
        assertThat(document.path("components").path("securitySchemes").path("bearerAuth").path("scheme").asText())
                .isEqualTo("bearer");
        assertThat(document.path("components").path("securitySchemes").path("cookieAuth").path("name").asText())
                .isEqualTo(SessionRoutes.SESSION_COOKIE);

        Response served = server.anonymous().get(OpenApi.PATH);
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/json");
        assertThat(served.json()).isEqualTo(document);
    }

    @Test
    void everyRegisteredRouteIsDocumentedWithTheSameMethodAndPath() {
        assertThat(server.routes()).isNotEmpty().allSatisfy(route ->
                assertThat(operation(route).isObject())
                        .as("%s %s in the OpenAPI document", route.method(), route.path()).isTrue());
    }

    @Test
    void everyDocumentedOperationIsARegisteredRoute() {
        Set<String> registered = server.routes().stream()
                .map(route -> key(route.method().name(), route.path())).collect(Collectors.toSet());
        assertThat(documentedOperations()).isNotEmpty().allSatisfy(operation ->
                assertThat(registered).as("documented operation %s is served", operation).contains(operation));
    }

    @Test
    void everyProtectedOperationListsTheRolesOfItsRouteAndNeedsCredentials() {
        assertThat(server.routes()).allSatisfy(route -> {
            JsonNode operation = operation(route);
            String name = route.method() + " " + route.path();
            if (route.access().isEmpty()) {
                assertThat(operation.has("x-roles")).as("%s is public: no x-roles", name).isFalse();
                assertThat(operation.path("security").isArray() && operation.path("security").isEmpty())
                        .as("%s is public: security []", name).isTrue();
            } else {
                Set<String> documented = new TreeSet<>();
                operation.path("x-roles").forEach(role -> documented.add(role.asText()));
                assertThat(documented).as("x-roles of %s", name).isEqualTo(roleIds(route.access()));
                assertThat(operation.path("security").findValues("bearerAuth")).as("security of %s", name)
                        .isNotEmpty();
                assertThat(operation.path("security").findValues("cookieAuth")).as("security of %s", name)
                        .isNotEmpty();
                assertThat(operation.path("responses").has("401")).as("%s documents 401", name).isTrue();
            }
        });
        RouteTable.Route assess = server.routes().stream()
                .filter(route -> route.path().equals("/api/v1/assessments")).findFirst().orElseThrow();
        assertThat(roleIds(assess.access())).as("ANYONE is all four roles")
                .containsExactlyInAnyOrder("coach", "case-manager", "admin", "integrator");
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = document.findValuesAsText("$ref");
        assertThat(refs).isNotEmpty();
        SchemaCheck check = new SchemaCheck(document);
        assertThat(refs).allSatisfy(ref -> assertThat(check.resolve(ref).isMissingNode()).as(ref).isFalse());
        assertThat(document.path("components").path("schemas").properties().stream().map(Map.Entry::getKey))
                .contains("Intake", "Observation", "Rulers", "Outcome", "Problem", "StoredIntake", "CaseList", "Case",
                        "Session", "Catalogue", "RuleSet", "User", "Token", "NewToken", "Audit");
    }

    /**
     * Walks through the API as its users do and holds each answer against the documented response of its
     * operation and status: the status must be documented, and the body must fit its schema.
     */
    @Test
    void whatTheServerAnswersFitsTheDocumentedResponses() {
        List<Exchange> exchanges = new ArrayList<>();
        Caller integrator = server.integratorToken("openapi-integrator");
        Caller coach = server.coach("openapi-coach");
        Caller admin = server.adminToken("openapi-admin");
        server.createUser("openapi-browser", Role.COACH, null, TestServer.PASSWORD);

        exchanges.add(new Exchange("GET", "/api/v1/session", server.anonymous().get("/api/v1/session")));
        exchanges.add(new Exchange("GET", "/api/v1/session", integrator.get("/api/v1/session")));
        exchanges.add(new Exchange("POST", "/api/v1/session", server.anonymous().post("/api/v1/session",
                "{\"username\":\"openapi-browser\",\"password\":\"" + TestServer.PASSWORD + "\"}")));
        exchanges.add(new Exchange("POST", "/api/v1/session", server.anonymous().post("/api/v1/session",
                "{\"username\":\"openapi-browser\",\"password\":\"wrong password!\"}")));
        for (int i = 0; i < SignInThrottle.ACCOUNT_FROM_ADDRESS.attempts(); i++) {
            server.anonymous().post("/api/v1/session", "{\"username\":\"openapi-guessed\",\"password\":\"guess\"}");
        }
        exchanges.add(new Exchange("POST", "/api/v1/session", server.anonymous().post("/api/v1/session",
                "{\"username\":\"openapi-guessed\",\"password\":\"guess\"}")));
        exchanges.add(new Exchange("GET", "/api/v1/catalogue", integrator.get("/api/v1/catalogue")));
        exchanges.add(new Exchange("POST", "/api/v1/assessments",
                integrator.post("/api/v1/assessments", TestIntake.example())));
        exchanges.add(new Exchange("POST", "/api/v1/assessments", integrator.post("/api/v1/assessments",
                TestIntake.forCase("c-urgent").observed("SUICIDAL_IDEATION", 3).observed("AMBIVALENCE", 2)
                        .observed("FATIGUE_WITHOUT_MEDICAL_CHECK", 2).json())));
        exchanges.add(new Exchange("POST", "/api/v1/assessments", integrator.post("/api/v1/assessments",
                TestIntake.forCase("c-bad").observed("SLEEP_PROBLEMS", 7).json())));
        exchanges.add(new Exchange("POST", "/api/v1/assessments",
                integrator.post("/api/v1/assessments?view=compact", TestIntake.example())));
        exchanges.add(new Exchange("POST", "/api/v1/assessments",
                integrator.post("/api/v1/assessments?view=short", TestIntake.example())));

        String intakes = "/api/v1/cases/c-openapi/intakes";
        Response first = coach.post(intakes, TestIntake.withoutCaseId().on("2026-11-06")
                .observed("HISTORY_OF_BULLYING", 3).observed("SLEEP_PROBLEMS", 1).rulers(3, 4, 2).json());
        exchanges.add(new Exchange("POST", "/api/v1/cases/{caseId}/intakes", first));
        exchanges.add(new Exchange("POST", "/api/v1/cases/{caseId}/intakes", coach.post(intakes,
                TestIntake.example().replace("c-0042", "c-openapi"))));
        exchanges.add(new Exchange("POST", "/api/v1/cases/{caseId}/intakes",
                coach.post(intakes + "?corrects=" + first.json().path("intakeId").asLong(),
                        TestIntake.withoutCaseId().on("2026-11-06").observed("HISTORY_OF_BULLYING", 2).json())));
        exchanges.add(new Exchange("POST", "/api/v1/cases/{caseId}/intakes", coach.post(intakes, "{")));
        Caller otherCoach = server.coach("openapi-other-coach");
        exchanges.add(new Exchange("POST", "/api/v1/cases/{caseId}/intakes", otherCoach.post(intakes,
                TestIntake.withoutCaseId().on("2026-11-07").observed("SLEEP_PROBLEMS", 1).json())));
        exchanges.add(new Exchange("GET", "/api/v1/cases/{caseId}", otherCoach.get("/api/v1/cases/c-openapi")));
        exchanges.add(new Exchange("GET", "/api/v1/cases", coach.get("/api/v1/cases")));
        exchanges.add(new Exchange("GET", "/api/v1/cases", coach.get("/api/v1/cases?stage=SOMEWHERE")));
        exchanges.add(new Exchange("GET", "/api/v1/cases", integrator.get("/api/v1/cases")));
        exchanges.add(new Exchange("GET", "/api/v1/cases/{caseId}", coach.get("/api/v1/cases/c-openapi")));
        exchanges.add(new Exchange("GET", "/api/v1/cases/{caseId}", coach.get("/api/v1/cases/c-nowhere")));

        exchanges.add(new Exchange("GET", "/api/v1/admin/rules", admin.get("/api/v1/admin/rules")));
        exchanges.add(new Exchange("POST", "/api/v1/admin/rules/reload",
                admin.post("/api/v1/admin/rules/reload", "")));
        exchanges.add(new Exchange("POST", "/api/v1/admin/users", admin.post("/api/v1/admin/users",
                "{\"username\":\"openapi-new\",\"displayName\":\"New\",\"role\":\"coach\",\"password\":\""
                        + TestServer.PASSWORD + "\"}")));
        exchanges.add(new Exchange("POST", "/api/v1/admin/users", admin.post("/api/v1/admin/users",
                "{\"username\":\"openapi-new\",\"displayName\":\"Again\",\"role\":\"coach\",\"password\":\""
                        + TestServer.PASSWORD + "\"}")));
        exchanges.add(new Exchange("GET", "/api/v1/admin/users", admin.get("/api/v1/admin/users")));
        exchanges.add(new Exchange("POST", "/api/v1/admin/tokens", admin.post("/api/v1/admin/tokens",
                "{\"name\":\"openapi-program\",\"role\":\"integrator\"}")));
        exchanges.add(new Exchange("POST", "/api/v1/admin/tokens", admin.post("/api/v1/admin/tokens",
                "{\"name\":\"openapi-program-2\",\"role\":\"wizard\"}")));
        exchanges.add(new Exchange("GET", "/api/v1/admin/tokens", admin.get("/api/v1/admin/tokens")));
        exchanges.add(new Exchange("DELETE", "/api/v1/admin/tokens/{name}",
                admin.delete("/api/v1/admin/tokens/openapi-program")));
        exchanges.add(new Exchange("DELETE", "/api/v1/admin/tokens/{name}",
                admin.delete("/api/v1/admin/tokens/openapi-nothing")));
        exchanges.add(new Exchange("GET", "/api/v1/admin/audit", admin.get("/api/v1/admin/audit")));
        exchanges.add(new Exchange("GET", "/api/v1/admin/audit", admin.get("/api/v1/admin/audit?caseId=c-openapi")));
        exchanges.add(new Exchange("GET", "/api/v1/admin/audit", coach.get("/api/v1/admin/audit")));
        String erasure = "/api/v1/cases/{caseId}/erasure";
        exchanges.add(new Exchange("POST", erasure, admin.post("/api/v1/cases/c-openapi/erasure", "{}")));
        exchanges.add(new Exchange("POST", erasure,
                admin.post("/api/v1/cases/c-openapi/erasure", "{\"reason\":\"request 7\"}")));
        exchanges.add(new Exchange("POST", erasure,
                admin.post("/api/v1/cases/c-openapi/erasure", "{\"reason\":\"request 7\"}")));
        exchanges.add(new Exchange("POST", erasure,
                coach.post("/api/v1/cases/c-openapi/erasure", "{\"reason\":\"request 7\"}")));
        exchanges.add(new Exchange("GET", "/api/openapi.json", server.anonymous().get("/api/openapi.json")));

        SchemaCheck check = new SchemaCheck(document);
        List<String> mismatches = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            mismatches.addAll(mismatches(check, exchange));
        }
        assertThat(mismatches).isEmpty();
        assertThat(exchanges.stream().map(e -> e.response().status()).distinct())
                .contains(200, 201, 204, 400, 401, 403, 404, 409, 429);
    }

    private record Exchange(String method, String path, Response response) {

        String describe() {
            return method + " " + path + " -> " + response.status();
        }
    }

    /** How the answer departs from the documented response of its operation and status. */
    private static List<String> mismatches(SchemaCheck check, Exchange exchange) {
        JsonNode documented = document.path("paths").path(exchange.path())
                .path(exchange.method().toLowerCase(Locale.ROOT)).path("responses")
                .path(String.valueOf(exchange.response().status()));
        if (documented.has("$ref")) {
            documented = check.resolve(documented.get("$ref").asText());
        }
        if (documented.isMissingNode()) {
            return List.of(exchange.describe() + ": status not documented; " + exchange.response());
        }
        JsonNode content = documented.path("content");
        if (content.isEmpty()) {
            return exchange.response().body().isEmpty() ? List.of()
                    : List.of(exchange.describe() + ": documented without a body, got one");
        }
        String mediaType = exchange.response().contentType().split(";")[0].trim();
        if (!content.has(mediaType)) {
            return List.of(exchange.describe() + ": " + mediaType + " is not documented");
        }
        return check.problems(content.path(mediaType).path("schema"), exchange.response().json()).stream()
                .map(problem -> exchange.describe() + ": " + problem).toList();
    }
}
