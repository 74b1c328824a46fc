package nl.burnoutprofiler.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.Observation;
import nl.burnoutprofiler.engine.Observer;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.server.Passwords;
import nl.burnoutprofiler.server.ProfilerServer;
import nl.burnoutprofiler.server.ServerSettings;
import nl.burnoutprofiler.server.Tokens;
import nl.burnoutprofiler.store.Database;
import nl.burnoutprofiler.store.Role;

/**
 * HTTP load benchmark of the server: {@code POST /api/v1/assessments} and {@code POST /api/v1/cases/{caseId}/intakes}
 * on the embedded SQLite database, with {@code GET /api/v1/session} as a reference for the fixed cost of a request
 * (authentication, routing, headers, JSON of a tiny answer). A plain {@code main} (not JUnit); surefire skips it
 * ({@code **}{@code /*Benchmark*.java} is excluded in the pom).
 *
 * <p>The server runs in this JVM on a free loopback port with a fresh embedded database in a temp folder; the load comes
 * from a second process, <a href="https://github.com/wg/wrk">wrk</a> ({@code apt-get install -y wrk}), driven by Lua
 * scripts this class writes at run time. Both share the machine's CPUs, so every run also reports how much CPU the
 * server and wrk used, and how much other processes took (well above 0 means the machine was shared and the figures
 * are pessimistic). Run it from the project folder:
 *
 * <pre>
 * mvn -q -B -DskipTests package &amp;&amp; java -cp target/burnout-profiler.jar:target/test-classes nl.burnoutprofiler.bench.HttpLoadBenchmark
 * </pre>
 *
 * <p>or, with a separate build folder and without packaging:
 *
 * <pre>
 * mvn -q -ntp test-compile -Dbuild.dir=/tmp/bench-build &amp;&amp; java -cp "/tmp/bench-build/test-classes:/tmp/bench-build/classes:$(mvn -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dbuild.dir=/tmp/bench-build)" nl.burnoutprofiler.bench.HttpLoadBenchmark
 * </pre>
 *
 * <p>System properties (defaults in brackets): {@code bench.warmup} minimum warm-up per route, in 5 s slices,
 * extended up to 4x until the last three slices agree within 5% [60], {@code bench.seconds} per measured run [20],
 * {@code bench.assess.connections} [8,16,32,64], {@code bench.store.connections} [8,16,32], {@code bench.compact.connections} [8,16,32],
 * {@code bench.session.connections} [16,32], {@code bench.warmup.connections} [32], {@code bench.threads} wrk
 * threads [1], {@code bench.parts} [session,assess,compact,store], {@code bench.bodies} distinct intakes [200],
 * {@code bench.observations} per intake [30], {@code bench.seed} [20261122], {@code bench.newCases} share of stored
 * intakes that open a case [0.2], {@code bench.corrections} share that correct an earlier intake [0.05],
 * {@code bench.wrk} [wrk], {@code bench.verbose} print wrk's own output [false], {@code bench.keep} keep the temp
 * folder [false], {@code bench.gzip} send {@code Accept-Encoding: gzip} as browsers and most HTTP libraries do (wrk
 * does not by itself; the script cannot read compressed answers, so there are no corrections then) [false].
 * Quick check: {@code -Dbench.warmup=3 -Dbench.seconds=5 -Dbench.assess.connections=32 -Dbench.store.connections=16
 * -Dbench.session.connections=32}.
 *
 * <p>Method: closed loop (each of wrk's connections sends its next request when the answer to the previous one has
 * arrived), so latency is measured at the throughput reached, not at a fixed arrival rate. Percentiles are wrk's
 * (every request timed, HdrHistogram). Every answer is checked by status in the Lua script ({@code response()});
 * a {@code done()} summary prints one {@code BENCH-RESULT} line that this class parses. Afterwards the intakes
 * stored in the database are counted against the 201 answers wrk received.
 */
public final class HttpLoadBenchmark {

    // Targets from the issue.
    /** Issue 12: the full outcome, for people. */
    static final double TARGET_ASSESS_PER_S = 3_000;
    static final double TARGET_ASSESS_P99_MS = 20;
    /** Issue 12: the compact outcome, for machines, at 8 connections. */
    static final double TARGET_COMPACT_PER_S = 4_000;
    static final int TARGET_COMPACT_CONNECTIONS = 8;
    static final double TARGET_STORE_PER_S = 1_000;

    static final double WARMUP_S = AssessmentBenchmark.doubleProp("bench.warmup", 60);
    static final double MEASURE_S = AssessmentBenchmark.doubleProp("bench.seconds", 20);
    static final int[] ASSESS_CONNECTIONS = intList("bench.assess.connections", "8,16,32,64");
    static final int[] STORE_CONNECTIONS = intList("bench.store.connections", "8,16,32");
    static final int[] COMPACT_CONNECTIONS = intList("bench.compact.connections", "8,16,32");
    static final int[] SESSION_CONNECTIONS = intList("bench.session.connections", "16,32");
    static final int WARMUP_CONNECTIONS = AssessmentBenchmark.intProp("bench.warmup.connections", 32);
    static final double WARMUP_SLICE_S = 5;
    static final int WRK_THREADS = AssessmentBenchmark.intProp("bench.threads", 1);
    static final String PARTS = System.getProperty("bench.parts", "session,assess,compact,store");
    static final int BODIES = AssessmentBenchmark.intProp("bench.bodies", 200);
    static final int OBSERVATIONS = AssessmentBenchmark.intProp("bench.observations", 30);
    static final long SEED = Long.getLong("bench.seed", 20261122L);
    static final double NEW_CASE_SHARE = AssessmentBenchmark.doubleProp("bench.newCases", 0.2);
    static final double CORRECTION_SHARE = AssessmentBenchmark.doubleProp("bench.corrections", 0.05);
    static final String WRK = System.getProperty("bench.wrk", "wrk");
    static final boolean VERBOSE = Boolean.getBoolean("bench.verbose");
    static final boolean KEEP = Boolean.getBoolean("bench.keep");
    static final boolean GZIP = Boolean.getBoolean("bench.gzip");

    static final String ASSESS = "POST /api/v1/assessments";
    static final String ASSESS_COMPACT = "POST /api/v1/assessments?view=compact";
    static final String STORE = "POST /api/v1/cases/{caseId}/intakes";
    static final String SESSION = "GET /api/v1/session";

    private HttpLoadBenchmark() {
    }

    // ---------------------------------------------------------------- Lua

    /** Shared by every script: per-thread counters, checking each answer's status, and the summary line. */
    static final String LUA_COMMON = """
            -- Written by nl.burnoutprofiler.bench.HttpLoadBenchmark; wrk runs one copy per thread.
            local threads = {}

            function setup(thread)
              thread:set("id", #threads)
              table.insert(threads, thread)
            end

            -- Called from init(): wrk's arguments after "--" are the run tag and a seed.
            function start_counting(args)
              sent, ok, bad, corrections, first_bad = 0, 0, 0, 0, ""
              tag = (args and args[1]) or "run"
              math.randomseed((tonumber(args and args[2]) or 1) + 7919 * (id + 1))
            end

            function request_headers(with_body)
              local h = { ["Authorization"] = "Bearer " .. token }
              if with_body then h["Content-Type"] = "application/json" end
              if accept_gzip then h["Accept-Encoding"] = "gzip" end
              return h
            end

            function count(status, body)
              if status == expected then
                ok = ok + 1
              else
                bad = bad + 1
                if first_bad == "" then
                  first_bad = status .. " " .. string.gsub(string.sub(body or "", 1, 300), "%s+", " ")
                end
              end
            end

            function done(summary, latency, requests)
              local s, o, b, c, fb = 0, 0, 0, 0, ""
              for _, t in ipairs(threads) do
                s = s + (t:get("sent") or 0)
                o = o + (t:get("ok") or 0)
                b = b + (t:get("bad") or 0)
                c = c + (t:get("corrections") or 0)
                local f = t:get("first_bad")
                if fb == "" and f ~= nil then fb = f end
              end
              local e = summary.errors
              io.write(string.format("BENCH-RESULT requests=%d duration_us=%d sent=%d ok=%d bad=%d corrections=%d"
                  .. " p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d mean_us=%.1f"
                  .. " connect=%d read=%d write=%d status=%d timeout=%d\\n",
                  summary.requests, summary.duration, s, o, b, c,
                  latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
                  latency.max, latency.mean, e.connect, e.read, e.write, e.status, e.timeout))
              if fb ~= "" then io.write("BENCH-FIRST-BAD " .. fb .. "\\n") end
            end
            """;

    /** A fixed route: the requests (one per body, or one without a body) are formatted once and cycled. */
    static final String LUA_FIXED_ROUTE = """
            local method, path = "@METHOD@", "@PATH@"
            expected = @EXPECTED@

            function init(args)
              start_counting(args)
              prepared = {}
              if #bodies == 0 then
                prepared[1] = wrk.format(method, path, request_headers(false), nil)
              else
                local headers = request_headers(true)
                for i, b in ipairs(bodies) do prepared[i] = wrk.format(method, path, headers, b) end
              end
              cursor = (id * 37) % #prepared
            end

            function request()
              sent = sent + 1
              cursor = cursor % #prepared + 1
              return prepared[cursor]
            end

            function response(status, headers, body)
              count(status, body)
            end
            """;

    /**
     * Storing intakes, a coach's working mix: a share of the requests opens a new case, a share corrects an intake
     * stored earlier in this run ({@code ?corrects=}, the id taken from a 201 answer), the rest is the next meeting of
     * a random case opened earlier in this run. Case ids carry the run tag and the wrk thread, so runs never share
     * a case they think is new.
     */
    static final String LUA_STORE = """
            local new_case_share, correction_share = @NEW_CASE_SHARE@, @CORRECTION_SHARE@
            expected = 201

            function init(args)
              start_counting(args)
              headers = request_headers(true)
              cases, n, recent, recent_next = 0, 0, {}, 0
            end

            local function case_id(k)
              return string.format("%s-t%d-c%06d", tag, id, k)
            end

            function request()
              sent = sent + 1
              n = n + 1
              local body = bodies[(n + id * 37) % #bodies + 1]
              local r = math.random()
              local path
              if cases == 0 or r < new_case_share then
                cases = cases + 1
                path = "/api/v1/cases/" .. case_id(cases) .. "/intakes"
              elseif r < new_case_share + correction_share and #recent > 0 then
                local pick = recent[math.random(#recent)]
                path = "/api/v1/cases/" .. pick[1] .. "/intakes?corrects=" .. pick[2]
              else
                path = "/api/v1/cases/" .. case_id(math.random(cases)) .. "/intakes"
              end
              return wrk.format("POST", path, headers, body)
            end

            function response(status, headers, body)
              count(status, body)
              if status == 201 then
                local intake_id = string.match(body, '"intakeId":(%d+)')
                local case = string.match(body, '"caseId":"([^"]+)"')
                local version = string.match(body, '"version":(%d+)')
                if version ~= nil and version ~= "1" then corrections = corrections + 1 end
                if intake_id ~= nil and case ~= nil then
                  recent_next = recent_next % 64 + 1
                  recent[recent_next] = { case, intake_id }
                end
              end
            end
            """;

    static String luaScript(String token, List<String> bodies, String routePart) {
        StringBuilder lua = new StringBuilder(LUA_COMMON);
        lua.append("\ntoken = \"").append(token).append("\"\n");
        lua.append("accept_gzip = ").append(GZIP).append('\n');
        lua.append("local bodies = {\n");
        for (String body : bodies) {
            if (body.contains("]==]")) {
                throw new IllegalStateException("body cannot be quoted as a Lua long string: " + body);
            }
            lua.append("[==[").append(body).append("]==],\n");
        }
        lua.append("}\n\n").append(routePart);
        return lua.toString();
    }

    // ---------------------------------------------------------------- main

    public static void main(String[] args) throws Exception {
        String wrkVersion = wrkVersion();
        Path work = Files.createTempDirectory("http-load-bench-");
        AssessmentBenchmark.CpuSample idle0 = AssessmentBenchmark.CpuSample.now();
        Thread.sleep(1000);
        double busyBefore = AssessmentBenchmark.CpuSample.otherCpuPercent(idle0, AssessmentBenchmark.CpuSample.now());

        try {
            long startedAt = System.nanoTime();
            try (ProfilerServer server = ProfilerServer.start(ServerSettings.embedded(0, work.resolve("data"))
                    .withHost("127.0.0.1"))) {
                double startMs = (System.nanoTime() - startedAt) / 1e6;
                run(server, work, wrkVersion, busyBefore, startMs);
            }
        } finally {
            if (KEEP) {
                System.out.println("Kept " + work + " (database, Lua scripts, wrk output)");
            } else {
                deleteTree(work);
            }
        }
    }

    static void run(ProfilerServer server, Path work, String wrkVersion, double busyBefore, double startMs)
            throws Exception {
        Database database = server.database();
        ProfilerEngine engine = server.engine().current();
        String base = "http://127.0.0.1:" + server.port();

        // Callers: a program with an integrator token, and a coach with a token of their own.
        String integratorToken = Tokens.newToken();
        Tokens.create(database, "bench-integrator", Role.INTEGRATOR, null, integratorToken, "bench");
        database.users().create("coach1", "Anna de Vries", Role.COACH, Passwords.hash("bench-password-1"), null);
        String coachToken = Tokens.newToken();
        Tokens.create(database, "bench-coach", Role.COACH, "coach1", coachToken, "bench");

        // Bodies: the generator of AssessmentBenchmark (30 distinct codes, intensity 1-3, ~15% checked absent,
        // ~2% with a SAFETY code, rulers on half), plus what a coach adds: a date, now and then another observer,
        // a few observation notes and free-text notes.
        List<Intake> intakes = realistic(engine, AssessmentBenchmark.generate(engine, BODIES, OBSERVATIONS, SEED), SEED);
        ObjectMapper mapper = new ObjectMapper();
        List<String> assessBodies = new ArrayList<>();
        List<String> storeBodies = new ArrayList<>();
        for (Intake intake : intakes) {
            String json = IntakeJson.write(intake);
            assessBodies.add(json);
            ObjectNode withoutCase = (ObjectNode) mapper.readTree(json);
            withoutCase.remove("caseId"); // the path names the case
            storeBodies.add(withoutCase.toString());
        }
        double meanBytes = assessBodies.stream().mapToInt(b -> b.getBytes(StandardCharsets.UTF_8).length).average()
                .orElse(0);

        printHeader(server, engine, wrkVersion, busyBefore, startMs, intakes, meanBytes);

        Path assessLua = work.resolve("assess.lua");
        Files.writeString(assessLua, luaScript(integratorToken, assessBodies, LUA_FIXED_ROUTE
                .replace("@METHOD@", "POST").replace("@PATH@", "/api/v1/assessments").replace("@EXPECTED@", "200")));
        Path compactLua = work.resolve("assess-compact.lua");
        Files.writeString(compactLua, luaScript(integratorToken, assessBodies, LUA_FIXED_ROUTE
                .replace("@METHOD@", "POST").replace("@PATH@", "/api/v1/assessments?view=compact")
                .replace("@EXPECTED@", "200")));
        Path sessionLua = work.resolve("session.lua");
        Files.writeString(sessionLua, luaScript(integratorToken, List.of(), LUA_FIXED_ROUTE
                .replace("@METHOD@", "GET").replace("@PATH@", "/api/v1/session").replace("@EXPECTED@", "200")));
        Path storeLua = work.resolve("store.lua");
        Files.writeString(storeLua, luaScript(coachToken, storeBodies, LUA_STORE
                .replace("@NEW_CASE_SHARE@", String.valueOf(NEW_CASE_SHARE))
                .replace("@CORRECTION_SHARE@", String.valueOf(CORRECTION_SHARE))));

        // One request of each kind first, so a broken setup fails here with the server's answer, not as 100% errors.
        long smokeStored = smoke(base, integratorToken, coachToken, assessBodies.get(0), storeBodies.get(0));

        List<WrkResult> results = new ArrayList<>();
        List<WrkResult> storeRuns = new ArrayList<>();
        int runNumber = 0;
        if (part("session")) {
            results.addAll(route(SESSION, base + "/api/v1/session", sessionLua, SESSION_CONNECTIONS, work, runNumber));
            runNumber += 100;
        }
        if (part("assess")) {
            results.addAll(route(ASSESS, base + "/api/v1/assessments", assessLua, ASSESS_CONNECTIONS, work, runNumber));
            runNumber += 100;
        }
        if (part("compact")) {
            results.addAll(route(ASSESS_COMPACT, base + "/api/v1/assessments", compactLua, COMPACT_CONNECTIONS, work,
                    runNumber));
            runNumber += 100;
        }
        if (part("store")) {
            // The URL's path is replaced by the script's; wrk only takes host and port from it.
            List<WrkResult> store = route(STORE, base + "/api/v1/cases", storeLua, STORE_CONNECTIONS, work, runNumber);
            storeRuns.addAll(store);
            results.addAll(store);
        }

        // Figures.
        System.out.println();
        System.out.println("=== Figures ===");
        System.out.printf(Locale.ROOT, "Measured runs: %.0f s each after a warm-up of >= %.0f s per route; wrk -t%d, closed loop;"
                + " CPU in cores of this %d-CPU machine%n", MEASURE_S, WARMUP_S, WRK_THREADS,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| route                                | conns |    req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors | server CPU | wrk CPU | other CPU | server CPU us/req | GC n, ms |");
        System.out.println("|--------------------------------------|------:|---------:|-------:|-------:|-------:|---------:|-------:|-------:|-----------:|--------:|----------:|------------------:|---------:|");
        for (WrkResult r : results) {
            if (!r.warmup()) {
                System.out.println(r.row());
            }
        }
        System.out.println("(errors: answers with another status than expected (200; 201 for storing) plus wrk's socket"
                + " errors and timeouts. other CPU: processes besides the server and wrk; well above 0 means the"
                + " machine was shared and the figures are pessimistic.)");
        double mostOther = results.stream().filter(r -> !r.warmup()).mapToDouble(WrkResult::otherCores).max().orElse(0);
        if (mostOther > 0.1) {
            System.out.printf(Locale.ROOT, "NOTE: other processes took up to %.2f cores during measured runs: those runs are"
                    + " pessimistic; compare the CPU per request, or run again on a quiet machine.%n", mostOther);
        }
        for (WrkResult r : results) {
            if (r.firstBad() != null) {
                System.out.println("First unexpected answer in " + r.label() + ": " + r.firstBad());
            }
        }

        Optional<WrkResult> assessBest = best(results, ASSESS, TARGET_ASSESS_P99_MS);
        Optional<WrkResult> assessFastest = best(results, ASSESS, Double.MAX_VALUE);
        Optional<WrkResult> storeBest = best(results, STORE, Double.MAX_VALUE);
        Optional<WrkResult> sessionBest = best(results, SESSION, Double.MAX_VALUE);
        System.out.println();
        System.out.println("CPU-bound ceiling: what the machine's CPUs allow at the server's and wrk's CPU per request, had they"
                + " the CPUs to themselves (runs without errors):");
        for (String route : List.of(SESSION, ASSESS, ASSESS_COMPACT, STORE)) {
            best(results, route, Double.MAX_VALUE).ifPresent(r -> {
                List<WrkResult> runs = results.stream()
                        .filter(x -> !x.warmup() && x.route().equals(route) && x.errors() == 0).toList();
                double serverUs = runs.stream().mapToDouble(WrkResult::serverCpuUsPerRequest).min().orElse(Double.NaN);
                double load = runs.stream().mapToDouble(WrkResult::wrkCpuUsPerRequest).min().orElse(Double.NaN);
                int cpus = Runtime.getRuntime().availableProcessors();
                System.out.printf(Locale.ROOT, "  %-36s server %4.0f us + wrk %3.0f us per request (lowest of the runs)"
                        + " -> at most ~%,.0f req/s on %d CPUs%n", route, serverUs, load, cpus * 1e6 / (serverUs + load), cpus);
            });
        }
        assessFastest.ifPresent(r -> System.out.printf(Locale.ROOT,
                "Best for %s: %d connections, %.0f req/s, p99 %.1f ms%s%n", ASSESS, r.connections(), r.rps(), r.p99Ms(),
                assessBest.filter(b -> b != r).map(b -> String.format(Locale.ROOT,
                        "; best with p99 < %.0f ms: %d connections, %.0f req/s, p99 %.1f ms", TARGET_ASSESS_P99_MS,
                        b.connections(), b.rps(), b.p99Ms())).orElse("")));
        storeBest.ifPresent(r -> System.out.printf(Locale.ROOT,
                "Best for %s: %d connections, %.0f req/s, p99 %.1f ms%n", STORE, r.connections(), r.rps(), r.p99Ms()));
        sessionBest.ifPresent(r -> System.out.printf(Locale.ROOT,
                "Reference %s (fixed cost of a request): %d connections, %.0f req/s, %.0f us server CPU per request%n",
                SESSION, r.connections(), r.rps(), r.serverCpuUsPerRequest()));
        if (assessFastest.isPresent() && sessionBest.isPresent()) {
            WrkResult a = assessFastest.get();
            WrkResult s = sessionBest.get();
            System.out.printf(Locale.ROOT, "Server CPU per assessment %.0f us = fixed request cost %.0f us + intake/engine/outcome %.0f us;"
                    + " wrk CPU per request %.0f us%n", a.serverCpuUsPerRequest(), s.serverCpuUsPerRequest(),
                    a.serverCpuUsPerRequest() - s.serverCpuUsPerRequest(), a.wrkCpuUsPerRequest());
        }

        // The stored intakes against the 201 answers.
        Verification verification = part("store") ? verify(database, storeRuns, smokeStored) : null;

        System.out.println();
        System.out.println("=== Verdicts ===");
        if (part("assess")) {
            verdict(String.format(Locale.ROOT, "%s (full outcome) >= %,.0f/s, 0 errors", ASSESS, TARGET_ASSESS_PER_S),
                    assessFastest.filter(r -> r.rps() >= TARGET_ASSESS_PER_S).isPresent(),
                    assessFastest.map(r -> String.format(Locale.ROOT, "%.0f/s, p99 %.1f ms at %d connections", r.rps(),
                            r.p99Ms(), r.connections())).orElse("no run with 0 errors"));
        }
        if (part("compact")) {
            Optional<WrkResult> atEight = results.stream().filter(r -> !r.warmup() && r.route().equals(ASSESS_COMPACT)
                    && r.connections() == TARGET_COMPACT_CONNECTIONS && r.errors() == 0).findFirst();
            verdict(String.format(Locale.ROOT, "%s >= %,.0f/s with p99 < %.0f ms at %d connections, 0 errors",
                            ASSESS_COMPACT, TARGET_COMPACT_PER_S, TARGET_ASSESS_P99_MS, TARGET_COMPACT_CONNECTIONS),
                    atEight.filter(r -> r.rps() >= TARGET_COMPACT_PER_S && r.p99Ms() < TARGET_ASSESS_P99_MS).isPresent(),
                    atEight.map(r -> String.format(Locale.ROOT, "%.0f/s, p99 %.1f ms", r.rps(), r.p99Ms()))
                            .orElse("no run at " + TARGET_COMPACT_CONNECTIONS + " connections without errors"));
        }
        if (part("store")) {
            verdict(String.format(Locale.ROOT, "%s >= %,.0f/s on the embedded database, 0 errors", STORE, TARGET_STORE_PER_S),
                    storeBest.filter(r -> r.rps() >= TARGET_STORE_PER_S && r.errors() == 0).isPresent(),
                    storeBest.map(r -> String.format(Locale.ROOT, "%.0f/s, p99 %.1f ms at %d connections, %d errors",
                            r.rps(), r.p99Ms(), r.connections(), r.errors())).orElse("no run"));
            verdict("stored intakes = 201 answers (+ requests in flight when wrk stopped)", verification.consistent(),
                    verification.summary());
        }
        long errors = results.stream().mapToLong(WrkResult::errors).sum();
        verdict("no errors in any run (non-2xx, socket errors, timeouts)", errors == 0, errors + " errors");
    }

    // ---------------------------------------------------------------- runs

    /** Warm-up, then one measured run per connection count. */
    static List<WrkResult> route(String route, String url, Path script, int[] connections, Path work, int runNumber)
            throws IOException, InterruptedException {
        System.out.println();
        System.out.printf(Locale.ROOT, "--- %s: warm-up >= %.0f s at %d connections (until steady), then %.0f s at each of %s connections%n",
                route, WARMUP_S, WARMUP_CONNECTIONS, MEASURE_S, Arrays.toString(connections));
        List<WrkResult> results = new ArrayList<>();
        int n = runNumber;
        // Warm-up in slices until at least WARMUP_S have passed and the last three slices agree within 5% (at most
        // 4x WARMUP_S). The JIT takes long over the rule network's code: after 30 s the assessment route still
        // gained half again, so less than a minute leaves the first measured runs too low.
        double warmed = 0;
        List<Double> slices = new ArrayList<>();
        while (warmed < 4 * WARMUP_S) {
            double slice = Math.min(WARMUP_SLICE_S, Math.max(1, WARMUP_S));
            WrkResult r = wrk(route, url, script, WARMUP_CONNECTIONS, slice, "w" + n++, true, work);
            results.add(r);
            warmed += slice;
            slices.add(r.rps());
            List<Double> last = slices.subList(Math.max(0, slices.size() - 3), slices.size());
            double high = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double low = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            if (warmed >= WARMUP_S && last.size() == 3 && high - low <= 0.05 * high) {
                break;
            }
        }
        for (int c : connections) {
            results.add(wrk(route, url, script, c, MEASURE_S, "r" + n++, false, work));
        }
        return results;
    }

    /** One wrk run; its own CPU comes from the shell's {@code times} (the children's user and system time). */
    static WrkResult wrk(String route, String url, Path script, int connections, double seconds, String tag,
                         boolean warmup, Path work) throws IOException, InterruptedException {
        int threads = Math.min(WRK_THREADS, connections);
        List<String> command = List.of("bash", "-c", "\"$@\"; rc=$?; times; exit $rc", "bash", WRK,
                "-t" + threads, "-c" + connections, "-d" + Math.round(seconds) + "s", "--latency", "--timeout", "5s",
                "-s", script.toString(), url, "--", tag, String.valueOf(SEED));
        Path log = work.resolve("wrk-" + tag + ".txt");
        AssessmentBenchmark.CpuSample before = AssessmentBenchmark.CpuSample.now();
        long gcCount = AssessmentBenchmark.gcCount();
        long gcMs = AssessmentBenchmark.gcMillis();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor((long) seconds + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + String.join(" ", command));
        }
        AssessmentBenchmark.CpuSample after = AssessmentBenchmark.CpuSample.now();
        long gcCountAfter = AssessmentBenchmark.gcCount();
        long gcMsAfter = AssessmentBenchmark.gcMillis();
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed (exit " + process.exitValue() + "): "
                    + String.join(" ", command) + "\n" + output);
        }
        WrkResult result = WrkResult.parse(route, connections, threads, warmup, output, before, after,
                gcCountAfter - gcCount, gcMsAfter - gcMs);
        if (VERBOSE) {
            System.out.println("$ " + String.join(" ", command.subList(4, command.size())));
            output.lines().forEach(line -> System.out.println("  | " + line));
        }
        System.out.println(result.line());
        Thread.sleep(1000); // requests wrk left in flight finish before the next run starts
        return result;
    }

    /** What one wrk run reported, and the CPU the server, wrk and everything else used meanwhile. */
    record WrkResult(String route, int connections, int threads, boolean warmup, long requests, double seconds,
                     double rps, double wrkRps, long sent, long ok, long bad, long corrections, double p50Ms,
                     double p90Ms, double p99Ms, double p999Ms, double maxMs, long socketErrors, long non2xxLine,
                     String firstBad, double serverCores, double wrkCores, double otherCores, double gcCount,
                     double gcMs) {

        private static final Pattern RESULT = Pattern.compile("BENCH-RESULT (.*)");
        private static final Pattern FIRST_BAD = Pattern.compile("BENCH-FIRST-BAD (.*)");
        private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
        private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
        private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s\\s*$");

        static WrkResult parse(String route, int connections, int threads, boolean warmup, String output,
                               AssessmentBenchmark.CpuSample before, AssessmentBenchmark.CpuSample after,
                               long gcCount, long gcMs) {
            Matcher m = RESULT.matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("no BENCH-RESULT line in wrk's output:\n" + output);
            }
            Map<String, Double> v = new HashMap<>();
            for (String pair : m.group(1).trim().split("\\s+")) {
                String[] kv = pair.split("=", 2);
                v.put(kv[0], Double.parseDouble(kv[1]));
            }
            Matcher rps = RPS.matcher(output);
            double wrkRps = rps.find() ? Double.parseDouble(rps.group(1)) : Double.NaN;
            Matcher non2xx = NON_2XX.matcher(output);
            long non2xxLine = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
            Matcher firstBad = FIRST_BAD.matcher(output);

            // The last line of `times`: the children's (wrk's) user and system time.
            String[] lines = output.strip().split("\n");
            Matcher times = TIMES.matcher(lines[lines.length - 1]);
            double wrkCpuS = times.find()
                    ? 60 * Double.parseDouble(times.group(1)) + Double.parseDouble(times.group(2))
                    + 60 * Double.parseDouble(times.group(3)) + Double.parseDouble(times.group(4))
                    : Double.NaN;

            double seconds = v.get("duration_us") / 1e6;
            long requests = v.get("requests").longValue();
            double wall = (after.totalJiffies() - before.totalJiffies()) * 10e6 / Runtime.getRuntime().availableProcessors();
            double serverNs = after.processCpuNs() - before.processCpuNs();
            double busyNs = (after.busyJiffies() - before.busyJiffies()) * 10e6;
            double serverCores = serverNs / wall;
            double wrkCores = wrkCpuS * 1e9 / wall;
            double otherCores = Math.max(0, (busyNs - serverNs - wrkCpuS * 1e9) / wall);
            return new WrkResult(route, connections, threads, warmup, requests, seconds, requests / seconds, wrkRps,
                    v.get("sent").longValue(), v.get("ok").longValue(), v.get("bad").longValue(),
                    v.get("corrections").longValue(), v.get("p50_us") / 1e3, v.get("p90_us") / 1e3,
                    v.get("p99_us") / 1e3, v.get("p999_us") / 1e3, v.get("max_us") / 1e3,
                    v.get("connect").longValue() + v.get("read").longValue() + v.get("write").longValue()
                            + v.get("timeout").longValue(),
                    non2xxLine, firstBad.find() ? firstBad.group(1) : null, serverCores, wrkCores, otherCores,
                    gcCount, gcMs);
        }

        /** Unexpected answers (by the script's count and wrk's Non-2xx line) plus socket errors and timeouts. */
        long errors() {
            return Math.max(bad, non2xxLine) + socketErrors;
        }

        /** Requests wrk had sent but not seen answered when its run ended. */
        long inFlight() {
            return sent - ok - bad;
        }

        double serverCpuUsPerRequest() {
            return serverCores * seconds * 1e6 / Math.max(1, requests);
        }

        double wrkCpuUsPerRequest() {
            return wrkCores * seconds * 1e6 / Math.max(1, requests);
        }

        String label() {
            return route + " at " + connections + " connections" + (warmup ? " (warm-up)" : "");
        }

        String line() {
            return String.format(Locale.ROOT, "%-10s %2d conns: %8.0f req/s (wrk says %.0f), p50 %.2f ms, p99 %.2f ms,"
                            + " max %.1f ms, %d errors, %d in flight at the end; CPU server %.2f, wrk %.2f, other %.2f cores",
                    warmup ? "warm-up" : "measured", connections, rps, wrkRps, p50Ms, p99Ms, maxMs, errors(),
                    inFlight(), serverCores, wrkCores, otherCores);
        }

        String row() {
            return String.format(Locale.ROOT,
                    "| %-36s | %5d | %8.0f | %6.2f | %6.2f | %6.2f | %8.2f | %6.1f | %6d | %10.2f | %7.2f | %9.2f | %17.0f | %3.0f, %4.0f |",
                    route, connections, rps, p50Ms, p90Ms, p99Ms, p999Ms, maxMs, errors(), serverCores, wrkCores,
                    otherCores, serverCpuUsPerRequest(), gcCount, gcMs);
        }
    }

    /** The fastest measured run of the route without errors whose p99 is under {@code p99LimitMs}. */
    static Optional<WrkResult> best(List<WrkResult> results, String route, double p99LimitMs) {
        return results.stream()
                .filter(r -> !r.warmup() && r.route().equals(route) && r.errors() == 0 && r.p99Ms() < p99LimitMs)
                .max(Comparator.comparingDouble(WrkResult::rps));
    }

    // ---------------------------------------------------------------- checks

    /** One request of each route with Java's HTTP client; returns the number of intakes it stored (1). */
    static long smoke(String base, String integratorToken, String coachToken, String assessBody, String storeBody)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        expect(client, HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Authorization", "Bearer " + integratorToken).GET().build(), 200, "\"role\":\"integrator\"");
        expect(client, HttpRequest.newBuilder(URI.create(base + "/api/v1/assessments"))
                .header("Authorization", "Bearer " + integratorToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(assessBody)).build(), 200, "\"presentation\"");
        expect(client, HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/smoke-1/intakes"))
                .header("Authorization", "Bearer " + coachToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(storeBody)).build(), 201, "\"intakeId\"");
        return 1;
    }

    static void expect(HttpClient client, HttpRequest request, int status, String contains)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status || !response.body().contains(contains)) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + " (expected " + status + " with " + contains + "): " + response.body());
        }
    }

    record Verification(long intakes, long outcomes, long audited, long corrections, long cases, long created,
                        long inFlight) {
        boolean consistent() {
            return intakes == outcomes && intakes == audited && intakes >= created && intakes <= created + inFlight;
        }

        String summary() {
            return String.format(Locale.ROOT, "%,d stored, %,d answered 201, %,d in flight when wrk stopped%s",
                    intakes, created, inFlight, intakes == created ? " (equal)"
                            : intakes > created && intakes <= created + inFlight
                            ? " (the difference, " + (intakes - created) + ", is among those in flight)" : " (MISMATCH)");
        }
    }

    /**
     * Counts intakes, outcomes and store/correct audit entries in the database and holds them against the 201
     * answers of every store run (warm-up included) and the smoke request. A request wrk sent but stopped waiting
     * for at the end of a run may have been stored without wrk counting its 201: those are allowed, no more.
     */
    static Verification verify(Database database, List<WrkResult> storeRuns, long smokeStored)
            throws SQLException, InterruptedException {
        Thread.sleep(1000);
        long created = smokeStored + storeRuns.stream().mapToLong(WrkResult::ok).sum();
        long inFlight = storeRuns.stream().mapToLong(WrkResult::inFlight).sum();
        long corrected201 = storeRuns.stream().mapToLong(WrkResult::corrections).sum();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            long intakes = count(statement, "SELECT COUNT(*) FROM intakes");
            long outcomes = count(statement, "SELECT COUNT(*) FROM outcomes");
            long audited = count(statement,
                    "SELECT COUNT(*) FROM audit_log WHERE action IN ('store-intake', 'correct-intake')");
            long corrections = count(statement, "SELECT COUNT(*) FROM intakes WHERE version > 1");
            long cases = count(statement, "SELECT COUNT(*) FROM cases");
            long maxMeetings = count(statement,
                    "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(DISTINCT meeting) AS n FROM intakes GROUP BY case_id) m");
            Verification v = new Verification(intakes, outcomes, audited, corrections, cases, created, inFlight);
            System.out.println();
            System.out.println("=== Stored intakes ===");
            System.out.printf(Locale.ROOT, "Database: %,d intakes, %,d outcomes, %,d store/correct audit entries; %,d cases"
                            + " (up to %d meetings each), %,d corrections (versions > 1; 201 answers with version > 1: %,d)%n",
                    intakes, outcomes, audited, cases, maxMeetings, corrections, corrected201);
            System.out.printf(Locale.ROOT, "wrk: %,d answers 201 over all store runs incl. warm-up (+ %d smoke request),"
                    + " %,d requests in flight when a run ended%n", created - smokeStored, smokeStored, inFlight);
            return v;
        }
    }

    static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    // ---------------------------------------------------------------- intakes

    static final String[] NOTES = {
        "Client slept badly since the reorganisation; agreed to keep a sleep diary until the next meeting.",
        "Talked about the workload of the last quarter. Wants to discuss role clarity with the team lead first.",
        "Calmer than last time. Back to two half days at the office; walks in the lunch break.",
        "Doubts whether a return to the old team is wise. Explore alternatives next meeting.",
        "Physician saw the client last week; no medical objection to gradual work resumption.",
    };
    static final String[] OBSERVATION_NOTES = {
        "mentioned twice", "since about six weeks", "client's own words", "seen in the meeting", "according to the manager",
    };

    /** The generated intakes with what a coach adds: a meeting date, sometimes another observer, some notes. */
    static List<Intake> realistic(ProfilerEngine engine, List<Intake> generated, long seed) {
        Random random = new Random(seed + 1);
        LocalDate newest = LocalDate.of(2026, 11, 20);
        Observer[] others = {Observer.CLIENT, Observer.COLLEAGUE, Observer.MANAGER, Observer.PHYSICIAN};
        List<Intake> result = new ArrayList<>();
        for (Intake g : generated) {
            List<Observation> observations = new ArrayList<>();
            for (Observation o : g.observations()) {
                boolean note = o.present() && random.nextDouble() < 0.07;
                observations.add(note ? new Observation(o.code(), o.intensity(), true,
                        OBSERVATION_NOTES[random.nextInt(OBSERVATION_NOTES.length)]) : o);
            }
            Observer observer = random.nextDouble() < 0.8 ? Observer.COACH : others[random.nextInt(others.length)];
            String notes = random.nextDouble() < 0.4 ? NOTES[random.nextInt(NOTES.length)] : null;
            Intake intake = new Intake(g.caseId(), newest.minusDays(random.nextInt(540)), observer, observations,
                    g.rulers(), notes);
            List<FieldProblem> problems = engine.validate(intake);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("intake " + intake.caseId() + " is invalid: " + problems);
            }
            result.add(intake);
        }
        return result;
    }

    // ---------------------------------------------------------------- printing and helpers

    static String wrkVersion() throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(WRK, "-v").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed (or not at " + WRK + "): the load must come from"
                    + " a second process. Install it with: apt-get install -y wrk   (or set -Dbench.wrk=/path/to/wrk)", e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out.lines().findFirst().orElse("wrk (version unknown)").replaceAll("\\s+Copyright.*", "").trim();
    }

    static void printHeader(ProfilerServer server, ProfilerEngine engine, String wrkVersion, double busyBefore,
                            double startMs, List<Intake> intakes, double meanBytes) {
        Runtime rt = Runtime.getRuntime();
        System.out.println("=== burnout-profiler HttpLoadBenchmark ===");
        System.out.printf(Locale.ROOT, "JVM: %s %s, %d CPUs, max heap %d MB, args %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), rt.availableProcessors(),
                rt.maxMemory() >> 20, ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "Load: %s, %s; CPU busy before start (other processes): %s of the machine%n",
                wrkVersion, GZIP ? "Accept-Encoding: gzip" : "no Accept-Encoding (uncompressed answers)",
                AssessmentBenchmark.pct(busyBefore));
        System.out.printf(Locale.ROOT, "Server: http://127.0.0.1:%d, rule set %s (%d rules), fresh embedded database, started in %.0f ms%n",
                server.port(), engine.ruleSetVersion(), engine.rules().size(), startMs);
        long absent = intakes.stream().flatMap(i -> i.observations().stream()).filter(o -> !o.present()).count();
        long observations = intakes.stream().mapToLong(i -> i.observations().size()).sum();
        System.out.printf(Locale.ROOT, "Bodies: %d intakes cycled, %d observations each, %.1f%% checked absent, %.0f%% with notes,"
                        + " %.0f bytes on average%n", intakes.size(), OBSERVATIONS, 100.0 * absent / observations,
                100.0 * intakes.stream().filter(i -> i.notes() != null).count() / intakes.size(), meanBytes);
        System.out.printf(Locale.ROOT, "Storing: %.0f%% of requests open a new case, %.0f%% correct an earlier intake,"
                + " the rest is the next meeting of a case opened earlier in the run%n", 100 * NEW_CASE_SHARE,
                100 * CORRECTION_SHARE);
    }

    static void verdict(String target, boolean meets, String value) {
        System.out.printf(Locale.ROOT, "%-6s %-80s %s%n", meets ? "MEETS" : "MISSES", target, value);
    }

    static boolean part(String name) {
        return Arrays.asList(PARTS.split(",")).contains(name);
    }

    static int[] intList(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
