package nl.burnoutprofiler.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.burnoutprofiler.bench.HttpLoadBenchmark.WrkResult;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.server.Passwords;
import nl.burnoutprofiler.server.ProfilerServer;
import nl.burnoutprofiler.server.ServerSettings;
import nl.burnoutprofiler.server.Tokens;
import nl.burnoutprofiler.store.Database;
import nl.burnoutprofiler.store.DatabaseSettings;
import nl.burnoutprofiler.store.Role;
import nl.burnoutprofiler.store.TestDatabases;

/**
 * Two servers on one PostgreSQL database against one server alone: assessing and storing intakes, with the load from
 * wrk (one process per server), and every stored intake counted against the 201 answers of both. A plain
 * {@code main} (not JUnit). Needs the PostgreSQL test server of the tests ({@code BURNOUT_TEST_POSTGRES_URL},
 * {@code _USER}, {@code _PASSWORD}; it makes and drops a schema of its own) and wrk:
 *
 * <pre>
 * mvn -q -B -DskipTests package &amp;&amp; java -cp target/burnout-profiler.jar:target/test-classes nl.burnoutprofiler.bench.TwoServersBenchmark
 * </pre>
 *
 * Both servers and both wrk processes share this machine's CPUs: on one machine a second server adds no CPU, so the
 * figure to read is whether the pair keeps the single server's rate with every intake stored once, not a doubling.
 * System properties as {@link HttpLoadBenchmark} ({@code bench.warmup}, {@code bench.seconds}) and
 * {@code bench.connections} per server when two run [16].
 */
public final class TwoServersBenchmark {

    private static final int CONNECTIONS = AssessmentBenchmark.intProp("bench.connections", 16);

    private TwoServersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String wrkVersion = HttpLoadBenchmark.wrkVersion();
        Path work = Files.createTempDirectory("two-servers-bench-");
        try (TestDatabases.PostgresSchema schema = TestDatabases.postgres()) {
            DatabaseSettings database = schema.settings();
            ServerSettings settings = new ServerSettings("127.0.0.1", 0, null, false, database, false,
                    ServerSettings.DEFAULT_SESSION_LIFETIME);
            try (ProfilerServer a = ProfilerServer.start(settings); ProfilerServer b = ProfilerServer.start(settings)) {
                run(a, b, work, wrkVersion);
            }
        } finally {
            HttpLoadBenchmark.deleteTree(work);
        }
    }

    private static void run(ProfilerServer a, ProfilerServer b, Path work, String wrkVersion) throws Exception {
        Database database = a.database();
        ProfilerEngine engine = a.engine().current();
        String integratorToken = Tokens.newToken();
        Tokens.create(database, "bench-integrator", Role.INTEGRATOR, null, integratorToken, "bench");
        database.users().create("coach1", "Anna de Vries", Role.COACH, Passwords.hash("bench-password-1"), null);
        String coachToken = Tokens.newToken();
        Tokens.create(database, "bench-coach", Role.COACH, "coach1", coachToken, "bench");

        List<Intake> intakes = HttpLoadBenchmark.realistic(engine, AssessmentBenchmark.generate(engine,
                HttpLoadBenchmark.BODIES, HttpLoadBenchmark.OBSERVATIONS, HttpLoadBenchmark.SEED), HttpLoadBenchmark.SEED);
        ObjectMapper mapper = new ObjectMapper();
        List<String> assessBodies = new ArrayList<>();
        List<String> storeBodies = new ArrayList<>();
        for (Intake intake : intakes) {
            String json = IntakeJson.write(intake);
            assessBodies.add(json);
            ObjectNode withoutCase = (ObjectNode) mapper.readTree(json);
            withoutCase.remove("caseId");
            storeBodies.add(withoutCase.toString());
        }
        Path assessLua = work.resolve("assess.lua");
        Files.writeString(assessLua, HttpLoadBenchmark.luaScript(integratorToken, assessBodies,
                HttpLoadBenchmark.LUA_FIXED_ROUTE.replace("@METHOD@", "POST").replace("@PATH@", "/api/v1/assessments")
                        .replace("@EXPECTED@", "200")));
        Path storeLua = work.resolve("store.lua");
        Files.writeString(storeLua, HttpLoadBenchmark.luaScript(coachToken, storeBodies, HttpLoadBenchmark.LUA_STORE
                .replace("@NEW_CASE_SHARE@", String.valueOf(HttpLoadBenchmark.NEW_CASE_SHARE))
                .replace("@CORRECTION_SHARE@", String.valueOf(HttpLoadBenchmark.CORRECTION_SHARE))));
        String baseA = "http://127.0.0.1:" + a.port();
        String baseB = "http://127.0.0.1:" + b.port();
        long smoke = HttpLoadBenchmark.smoke(baseA, integratorToken, coachToken, assessBodies.get(0), storeBodies.get(0));

        System.out.printf(Locale.ROOT, "Two servers on one PostgreSQL database, %d CPUs, %s; warm-up %.0f s, runs %.0f s%n",
                Runtime.getRuntime().availableProcessors(), wrkVersion, HttpLoadBenchmark.WARMUP_S,
                HttpLoadBenchmark.MEASURE_S);
        List<WrkResult> storeRuns = new ArrayList<>();
        // Warm both JITs with both routes, in parallel as they will run.
        pair(HttpLoadBenchmark.ASSESS, baseA + "/api/v1/assessments", baseB + "/api/v1/assessments", assessLua,
                HttpLoadBenchmark.WARMUP_S, "wa", true, work);
        storeRuns.addAll(pair(HttpLoadBenchmark.STORE, baseA + "/api/v1/cases", baseB + "/api/v1/cases", storeLua,
                HttpLoadBenchmark.WARMUP_S, "ws", true, work));

        WrkResult assessOne = HttpLoadBenchmark.wrk(HttpLoadBenchmark.ASSESS, baseA + "/api/v1/assessments", assessLua,
                2 * CONNECTIONS, HttpLoadBenchmark.MEASURE_S, "a1", false, work);
        List<WrkResult> assessTwo = pair(HttpLoadBenchmark.ASSESS, baseA + "/api/v1/assessments",
                baseB + "/api/v1/assessments", assessLua, HttpLoadBenchmark.MEASURE_S, "a2", false, work);
        WrkResult storeOne = HttpLoadBenchmark.wrk(HttpLoadBenchmark.STORE, baseA + "/api/v1/cases", storeLua,
                2 * CONNECTIONS, HttpLoadBenchmark.MEASURE_S, "s1", false, work);
        storeRuns.add(storeOne);
        List<WrkResult> storeTwo = pair(HttpLoadBenchmark.STORE, baseA + "/api/v1/cases", baseB + "/api/v1/cases",
                storeLua, HttpLoadBenchmark.MEASURE_S, "s2", false, work);
        storeRuns.addAll(storeTwo);

        HttpLoadBenchmark.Verification verification = HttpLoadBenchmark.verify(database, storeRuns, smoke);
        System.out.println();
        System.out.println("=== Two servers against one ===");
        System.out.println("| route | one server | two servers (each) | two servers together | p99 one / two |");
        System.out.println("|---|---|---|---|---|");
        row(HttpLoadBenchmark.ASSESS, assessOne, assessTwo);
        row(HttpLoadBenchmark.STORE, storeOne, storeTwo);
        long errors = storeRuns.stream().mapToLong(WrkResult::errors).sum() + assessOne.errors()
                + assessTwo.stream().mapToLong(WrkResult::errors).sum();
        HttpLoadBenchmark.verdict("stored intakes = 201 answers of both servers (+ requests in flight)",
                verification.consistent(), verification.summary());
        HttpLoadBenchmark.verdict("no errors in any run", errors == 0, errors + " errors");
    }

    private static void row(String route, WrkResult one, List<WrkResult> two) {
        double together = two.stream().mapToDouble(WrkResult::rps).sum();
        System.out.printf(Locale.ROOT, "| `%s` | %,.0f/s (%d connections) | %,.0f/s and %,.0f/s (%d each) | %,.0f/s | %.1f ms / %.1f ms |%n",
                route, one.rps(), one.connections(), two.get(0).rps(), two.get(1).rps(), two.get(0).connections(),
                together, one.p99Ms(), Math.max(two.get(0).p99Ms(), two.get(1).p99Ms()));
    }

    /** The same route on both servers at once, one wrk process each. */
    private static List<WrkResult> pair(String route, String urlA, String urlB, Path script, double seconds, String tag,
                                        boolean warmup, Path work) throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            Future<WrkResult> onA = both.submit(() -> HttpLoadBenchmark.wrk(route, urlA, script, CONNECTIONS, seconds,
                    tag + "a", warmup, work));
            Future<WrkResult> onB = both.submit(() -> HttpLoadBenchmark.wrk(route, urlB, script, CONNECTIONS, seconds,
                    tag + "b", warmup, work));
            return List.of(onA.get(), onB.get());
        } finally {
            both.shutdown();
        }
    }
}
