package nl.burnoutprofiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code java -jar burnout-profiler.jar serve} as the README starts it: a fresh folder, the embedded database, the
 * first admin from the environment. Shows that the shaded jar carries the web pages, the migrations and the
 * OpenAPI document, and that one token made with {@code token create} works against the running server.
 */
class PackagedServerIT {

    private static final Path JAR = Path.of(System.getProperty("packaged.jar", "target/burnout-profiler.jar"))
            .toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workingFolder;

    private Process server;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void servesTheWebApplicationAndTheApiFromAFreshFolder() throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", JAR.toString(), "serve", "--port",
                String.valueOf(port), "--host", "127.0.0.1")
                .directory(workingFolder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workingFolder.resolve("server.log").toFile()));
        builder.environment().put("BURNOUT_ADMIN_PASSWORD", "first-admin-password");
        builder.environment().remove("BURNOUT_DB_URL");
        server = builder.start();
        String base = "http://127.0.0.1:" + port;
        awaitUp(base + "/api/openapi.json");

        assertThat(Files.readString(workingFolder.resolve("server.log")))
                .contains("created the admin 'admin'");
        assertThat(Files.isDirectory(workingFolder.resolve("data"))).as("embedded database under ./data").isTrue();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/intake.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'"));

        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"first-admin-password\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(JSON.readTree(signIn.body()).get("role").asText()).isEqualTo("admin");

        // The command line works on the embedded database beside the running server.
        Process tokenCommand = new ProcessBuilder(java(), "-jar", JAR.toString(), "token", "create", "--name",
                "it", "--role", "integrator").directory(workingFolder.toFile()).start();
        String token = new String(tokenCommand.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(tokenCommand.waitFor()).isZero();
        assertThat(token).startsWith("bp_");
        HttpResponse<String> whileRunning = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assessments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("examples/intake.json").toAbsolutePath())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(whileRunning.statusCode()).as("the token made beside the running server").isEqualTo(200);

        server.destroy();
        server.waitFor();
        server = builder.start();
        awaitUp(base + "/api/openapi.json");
        HttpResponse<String> outcome = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assessments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("examples/intake.json").toAbsolutePath())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(outcome.statusCode()).as(outcome.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(outcome.body());
        assertThat(result.at("/presentation/primary").asText()).isEqualTo("PHYSIOLOGICAL");
        assertThat(Files.readString(workingFolder.resolve("server.log")))
                .as("the first admin is created once").containsOnlyOnce("created the admin");
    }

    private void awaitUp(String url) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive()).as("server still running").isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server did not answer " + url + " within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

}
