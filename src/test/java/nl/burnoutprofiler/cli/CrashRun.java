package nl.burnoutprofiler.cli;

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
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The packaged server killed ({@code kill -9}) again and again while eight clients store intakes: after each kill it
 * is started again and asked for every intake it answered 201 for. The start itself shows that the database opens
 * after the kill. Used by {@link CrashDurabilityIT} (which asserts) and {@link CrashBenchmark} (which counts).
 */
final class CrashRun {

    static final Path JAR = Path.of(System.getProperty("packaged.jar", "target/burnout-profiler.jar")).toAbsolutePath();
    private static final int CLIENTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the kills left: intakes acknowledged, and those of them not found after the restart. */
    record Result(int kills, int acknowledged, Set<Long> lost) {
    }

    private final Path workingFolder;
    /** The database: the variables of {@code BURNOUT_DB_URL} and its credentials, or none for the embedded one. */
    private final Map<String, String> databaseEnvironment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(20261204);
    private final int port;
    private final String base;
    private Process server;

    CrashRun(Path workingFolder, Map<String, String> databaseEnvironment) throws IOException {
        this.workingFolder = workingFolder;
        this.databaseEnvironment = databaseEnvironment;
        this.port = freePort();
        this.base = "http://127.0.0.1:" + port;
    }

    /** {@code kills} rounds of storing and killing, then a last start; every restart looks for all acknowledged. */
    Result run(int kills) throws Exception {
        String token = coachToken();
        String intake = intakeWithoutCaseId();
        Map<String, Set<Long>> acknowledged = new ConcurrentHashMap<>();
        Set<Long> lost = new TreeSet<>();
        try {
            for (int round = 1; round <= kills; round++) {
                startServer();
                lost.addAll(missing(token, acknowledged, "after kill " + (round - 1)));
                int stored = storeUntilKilled(token, intake, round, acknowledged);
                check(stored > 0, "no intake acknowledged in round " + round);
            }
            startServer();
            lost.addAll(missing(token, acknowledged, "after kill " + kills));
        } finally {
            stop();
        }
        return new Result(kills, acknowledged.values().stream().mapToInt(Set::size).sum(), lost);
    }

    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
            server.waitFor();
        }
    }

    /** Eight clients store intakes until the server is killed at a random moment; the number acknowledged. */
    private int storeUntilKilled(String token, String intake, int round, Map<String, Set<Long>> acknowledged)
            throws Exception {
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
                    if (response.statusCode() != 201) {
                        throw new AssertionError("store answered " + response.statusCode() + ": " + response.body());
                    }
                    ids.add(JSON.readTree(response.body()).get("intakeId").asLong());
                    storedThisRound.incrementAndGet();
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
        check(server.waitFor(30, TimeUnit.SECONDS), "the server did not die of kill -9 within 30 s");
        killed.set(true);
        clients.shutdown();
        check(clients.awaitTermination(60, TimeUnit.SECONDS), "the clients did not stop within 60 s");
        int stored = 0;
        for (Future<Integer> count : counts) {
            stored += count.get();
        }
        return stored;
    }

    private Set<Long> missing(String token, Map<String, Set<Long>> acknowledged, String when) throws Exception {
        Set<Long> missing = new TreeSet<>();
        for (Map.Entry<String, Set<Long>> entry : acknowledged.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/"
                            + entry.getKey()))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            Set<Long> found = new HashSet<>();
            if (response.statusCode() == 200) {
                for (JsonNode meeting : JSON.readTree(response.body()).get("meetings")) {
                    found.add(meeting.get("intakeId").asLong());
                }
            } else {
                check(response.statusCode() == 404, "case " + entry.getKey() + " " + when + ": "
                        + response.statusCode() + " " + response.body());
            }
            entry.getValue().stream().filter(id -> !found.contains(id)).forEach(missing::add);
        }
        return missing;
    }

    private void startServer() throws Exception {
        server = process("serve", "--port", String.valueOf(port), "--host", "127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workingFolder.resolve("server.log").toFile()))
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            check(server.isAlive(), "the server stopped; its log:\n" + log());
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/api/openapi.json")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
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
        Process user = process("user", "create", "--name", "crash-coach", "--role", "coach")
                .redirectErrorStream(true).start();
        user.getOutputStream().write("crash-coach-password\n".getBytes(StandardCharsets.UTF_8));
        user.getOutputStream().close();
        String userOutput = new String(user.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        check(user.waitFor() == 0, "user create failed: " + userOutput);

        Process tokenCommand = process("token", "create", "--name", "crash-test", "--role", "coach", "--user",
                "crash-coach").start();
        String token = new String(tokenCommand.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        check(tokenCommand.waitFor() == 0, "token create failed");
        return token;
    }

    private ProcessBuilder process(String... arguments) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingFolder.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BURNOUT_DB_"));
        builder.environment().putAll(databaseEnvironment);
        return builder;
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

    /** Plain checks: {@link CrashBenchmark} runs without the test libraries. */
    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
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
