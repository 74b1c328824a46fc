package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;

/**
 * The server publishes the JSON Schemas that the jar ships, to anyone, and what its API answers fits them: an
 * assessment, and a stored intake with its outcome.
 */
class SchemaRoutesTest {

    @TempDir
    static Path data;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode shipped(String file) throws IOException {
        try (InputStream in = SchemaRoutesTest.class.getResourceAsStream("/nl/burnoutprofiler/schema/" + file)) {
            return TestServer.JSON.readTree(in);
        }
    }

    /** The schema as served, loaded the way an integrator loads a schema it fetched. */
    private static JsonSchema served(String file) {
        Response response = server.anonymous().get("/api/schemas/" + file);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(response.json());
    }

    @Test
    void bothSchemasAreServedToAnyoneAsTheJarShipsThem() throws IOException {
        for (String file : SchemaRoutes.FILES) {
            Response response = server.anonymous().get("/api/schemas/" + file);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("application/schema+json");
            assertThat(response.json()).isEqualTo(shipped(file));
            assertThat(response.json().path("$id").asText()).isEqualTo("https://burnout-profiler.nl/schema/" + file);
        }
        assertThat(server.routes()).filteredOn(route -> route.path().startsWith("/api/schemas/"))
                .extracting(RouteTable.Route::path)
                .containsExactlyInAnyOrder("/api/schemas/intake.schema.json", "/api/schemas/outcome.schema.json");
        assertThat(server.routes()).filteredOn(route -> route.path().startsWith("/api/schemas/"))
                .allSatisfy(route -> assertThat(route.access()).as(route.path() + " is public").isEmpty());
    }

    @Test
    void theOpenApiDocumentNamesTheServedMediaType() throws IOException {
        JsonNode document = TestServer.JSON.readTree(OpenApi.document());
        for (String file : SchemaRoutes.FILES) {
            assertThat(document.at("/paths/~1api~1schemas~1" + file + "/get/responses/200/content")
                    .has(SchemaRoutes.CONTENT_TYPE)).as(file).isTrue();
        }
    }

    @Test
    void anUnknownSchemaIsAProblem() {
        Response response = server.anonymous().get("/api/schemas/case.schema.json");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anAssessmentAndAStoredIntakeFitTheServedSchemas() {
        JsonSchema intakeSchema = served("intake.schema.json");
        JsonSchema outcomeSchema = served("outcome.schema.json");

        Caller integrator = server.integratorToken("schema-integrator");
        assertThat(intakeSchema.validate(TestIntake.example(), InputFormat.JSON)).isEmpty();
        Response assessed = integrator.post("/api/v1/assessments", TestIntake.example());
        assertThat(assessed.status()).as(assessed.toString()).isEqualTo(200);
        assertThat(outcomeSchema.validate(assessed.json())).isEmpty();

        Caller coach = server.coach("schema-coach");
        Response stored = coach.post("/api/v1/cases/c-schema/intakes", TestIntake.withoutCaseId().on("2026-11-06")
                .observed("HISTORY_OF_BULLYING", 3).checkedAbsent("SUICIDAL_IDEATION").rulers(3, 4, 2)
                .notes("vrije tekst").json());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        assertThat(intakeSchema.validate(stored.json().path("intake"))).isEmpty();
        assertThat(outcomeSchema.validate(stored.json().path("outcome"))).isEmpty();
    }
}
