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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Acknowledged means durable: the packaged server on its embedded database is killed ({@code kill -9}) again and
 * again while eight clients store intakes, and after every restart each intake it answered 201 for is there. The
 * restart itself shows that the database opens after every kill.
 *
 * <p>{@code -Dcrash.rounds=N} sets the number of kills (20 by default).
 */
class CrashDurabilityIT {

    private static final Path JAR = Path.of(System.getProperty("packaged.jar", "target/burnout-profiler.jar"))
            .toAbsolutePath();
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 20);
    private static final int CLIENTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workingFolder;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(20261204);
    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
            server.waitFor();
        }
    }

    @Test
    void everyAcknowledgedIntakeSurvivesAKillOfTheServer() throws Exception {
        String token = coachToken();
        String intake = intakeWithoutCaseId();
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Map<String, Set<Long>> acknowledged = new ConcurrentHashMap<>();
        int intakesBeforeKills = 0;

        for (int round = 1; round <= ROUNDS; round++) {
            startServer(port);
            assertAllPresent(base, token, acknowledged, "after kill " + (round - 1));
            int stored = storeUntilKilled(base, token, intake, round, acknowledged);
            assertThat(stored).as("intakes acknowledged in round %d", round).isPositive();
            intakesBeforeKills += stored;
        }
        startServer(port);
        assertAllPresent(base, token, acknowledged, "after kill " + ROUNDS);

        assertThat(acknowledged.values().stream().mapToInt(Set::size).sum()).isEqualTo(intakesBeforeKills);
        System.out.printf("CrashDurabilityIT: %d kills, %d acknowledged intakes, all found after restart%n",
                ROUNDS, intakesBeforeKills);
    }

    /** Eight clients store intakes until the server is killed at a random moment; the number acknowledged. */
    private int storeUntilKilled(String base, String token, String intake, int round,
            Map<String, Set<Long>> acknowledged) throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger storedThisRound = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> counts = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            String caseId = "crash-r" + round + "-c" + client;
            Set<Long> ids = ConcurrentHashMap.newKeySet();
            acknowledged.put(caseId, ids);
            counts.add(clients.submit(() -> {
                while (!killed.get()) {
                    HttpResponse<String> response;
                    try {
                        response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + caseId
                                        + "/intakes"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(intake)).build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (IOException connectionLost) {
                        continue; // killed mid-request: not acknowledged, nothing to find later
                    }
                    if (response.statusCode() == 201) {
                        ids.add(JSON.readTree(response.body()).get("intakeId").asLong());
                        storedThisRound.incrementAndGet();
                    } else {
                        throw new AssertionError("store answered " + response.statusCode() + ": " + response.body());
                    }
                }
                return ids.size();
            }));
        }
        // Kill while the clients are in full swing: once they have stored a few, at a random moment after that.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (storedThisRound.get() < 2 * CLIENTS && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        Thread.sleep(random.nextInt(1000));
        server.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the database
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("server killed").isTrue();
        killed.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("clients stopped").isTrue();
        int stored = 0;
        for (Future<Integer> count : counts) {
            stored += count.get();
        }
        return stored;
    }

    private void assertAllPresent(String base, String token, Map<String, Set<Long>> acknowledged, String when)
            throws Exception {
        for (Map.Entry<String, Set<Long>> entry : acknowledged.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/"
                            + entry.getKey()))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("case %s %s: %s", entry.getKey(), when, response.body())
                    .isEqualTo(200);
            Set<Long> found = new HashSet<>();
            for (JsonNode meeting : JSON.readTree(response.body()).get("meetings")) {
                found.add(meeting.get("intakeId").asLong());
            }
            assertThat(found).as("acknowledged intakes of case %s %s", entry.getKey(), when)
                    .containsAll(entry.getValue());
        }
    }

    private void startServer(int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", JAR.toString(), "serve", "--port",
                String.valueOf(port), "--host", "127.0.0.1")
                .directory(workingFolder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workingFolder.resolve("server.log").toFile()));
        builder.environment().remove("BURNOUT_DB_URL");
        server = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive()).as("server running; its log:%n%s", log()).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/openapi.json"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("server did not start within 60 s; its log:\n" + log());
    }

    /** A coach and a token for it, made with the command line before the first start. */
    private String coachToken() throws Exception {
        Process user = new ProcessBuilder(java(), "-jar", JAR.toString(), "user", "create", "--name", "crash-coach",
                "--role", "coach").directory(workingFolder.toFile()).redirectErrorStream(true).start();
        user.getOutputStream().write("crash-coach-password\n".getBytes(StandardCharsets.UTF_8));
        user.getOutputStream().close();
        String userOutput = new String(user.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(user.waitFor()).as(userOutput).isZero();

        Process tokenCommand = new ProcessBuilder(java(), "-jar", JAR.toString(), "token", "create", "--name",
                "crash-test", "--role", "coach", "--user", "crash-coach").directory(workingFolder.toFile()).start();
        String token = new String(tokenCommand.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(tokenCommand.waitFor()).isZero();
        return token;
    }

    private static String intakeWithoutCaseId() throws IOException {
        ObjectNode intake = (ObjectNode) JSON.readTree(Path.of("examples/intake.json").toFile());
        intake.remove("caseId");
        return intake.toString();
    }

    private String log() throws IOException {
        Path log = workingFolder.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
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
