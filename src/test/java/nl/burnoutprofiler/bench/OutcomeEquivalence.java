package nl.burnoutprofiler.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.json.OutcomeJson;

/**
 * Writes what the engine makes of the benchmark's generated intakes, one outcome per line, so that a change to the
 * rule network or to the outcome assembly can be shown to change no outcome: run it before and after, and compare.
 *
 * <pre>
 * mvn -q -B -DskipTests package &amp;&amp; java -cp target/burnout-profiler.jar:target/test-classes nl.burnoutprofiler.bench.OutcomeEquivalence /tmp/before.jsonl
 * ... change ...
 * (same command) /tmp/after.jsonl &amp;&amp; cmp /tmp/before.jsonl /tmp/after.jsonl
 * </pre>
 *
 * <p>Each line is the full outcome JSON without the rule-set version (it names the rule files' hash) and, with
 * {@code -Dequivalence.trace=false}, without the trace: a leaner network may fire other bookkeeping rules while every
 * conclusion a person reads stays the same. The intakes are those of {@link AssessmentBenchmark#generate}, at several
 * sizes (4, 12, 30 and 60 observations, 2,000 each by default, {@code -Dequivalence.intakes}), with the same seed.
 */
public final class OutcomeEquivalence {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutcomeEquivalence() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/outcomes.jsonl");
        boolean withTrace = Boolean.parseBoolean(System.getProperty("equivalence.trace", "true"));
        int perSize = Integer.getInteger("equivalence.intakes", 2000);
        ProfilerEngine engine = ProfilerEngine.fromDirectory(Path.of(System.getProperty("bench.rules", "rules")));
        List<Intake> intakes = new ArrayList<>();
        for (int size : new int[] {4, 12, 30, 60}) {
            intakes.addAll(AssessmentBenchmark.generate(engine, perSize, size, AssessmentBenchmark.SEED + size));
        }
        long fingerprint = 17;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Intake intake : intakes) {
                ObjectNode outcome = (ObjectNode) JSON.readTree(OutcomeJson.writeCompact(engine.assess(intake)));
                outcome.remove("ruleSetVersion");
                if (!withTrace) {
                    outcome.remove("trace");
                }
                String line = JSON.writeValueAsString(outcome);
                fingerprint = 31 * fingerprint + line.hashCode();
                writer.write(line);
                writer.newLine();
            }
        }
        System.out.printf(Locale.ROOT, "%d outcomes%s written to %s; fingerprint %016x%n", intakes.size(),
                withTrace ? "" : " (without trace)", out, fingerprint);
    }
}
