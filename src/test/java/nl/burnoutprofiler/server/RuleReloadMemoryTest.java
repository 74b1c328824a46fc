package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.Observation;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.Rulers;

/**
 * A server that reloads its rule set many times over weeks must let the old rule sets go: the heap after many
 * reloads is what it was after a few. Reloads of an unchanged folder use the precompiled rule base (fast); an
 * edited folder is compiled at load, which is where a leak would cost most.
 *
 * <p>To show the bound means something, the test also measures what a rule set takes while it is still referred
 * to: the growth allowed is at most half of what keeping every old rule set would cost, and never above 64 MB.
 */
class RuleReloadMemoryTest {

    private static final long MB = 1024 * 1024;
    private static final long AT_MOST = 64 * MB;
    private static final int PRECOMPILED_RELOADS = 100;
    private static final int COMPILED_RELOADS = 10;

    private static final Intake INTAKE = Intake.of("c-memory",
            List.of(Observation.present("SLEEP_PROBLEMS", 3), Observation.present("AMBIVALENCE", 2)),
            new Rulers(7, 3, 5));

    @TempDir
    Path rules;

    /** Used heap after full collections; a few rounds, so what needs more than one collection is gone too. */
    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A change of the rule folder that makes it a new rule set (new content hash) without changing a rule. */
    private void edit(int round) throws IOException {
        Path properties = rules.resolve("ruleset.properties");
        Files.writeString(properties, Files.readString(properties) + "\n# edit " + round + "\n");
    }

    /** What one rule set takes on the heap while it is still referred to, from {@code reloads} kept engines. */
    private static long retainedPerRuleSet(long before, List<ProfilerEngine> kept) {
        long perRuleSet = (usedHeapAfterGc() - before) / kept.size();
        kept.clear();
        return perRuleSet;
    }

    @Test
    void manyReloadsDoNotGrowTheHeap() throws IOException {
        TestServer.copyRules(rules);
        LiveEngine engine = LiveEngine.load(rules);
        assertThat(engine.current().usesPrecompiledRules()).as("an unchanged copy uses the precompiled rules").isTrue();
        for (int i = 0; i < 10; i++) {
            engine.reload();
        }
        List<ProfilerEngine> kept = new ArrayList<>();
        long beforeKept = usedHeapAfterGc();
        for (int i = 0; i < 10; i++) {
            kept.add(engine.reload());
        }
        long precompiledSize = retainedPerRuleSet(beforeKept, kept);

        long baseline = usedHeapAfterGc();
        long start = System.nanoTime();
        for (int i = 0; i < PRECOMPILED_RELOADS; i++) {
            engine.reload();
        }
        long precompiledMillis = millisSince(start);
        long afterPrecompiled = usedHeapAfterGc();
        assertThat(engine.current().usesPrecompiledRules()).isTrue();

        edit(0);
        engine.reload();
        long compiledBaseline = usedHeapAfterGc();
        String previous = engine.current().ruleSetVersion();
        start = System.nanoTime();
        for (int round = 1; round <= COMPILED_RELOADS; round++) {
            edit(round);
            kept.add(engine.reload());
            assertThat(engine.current().ruleSetVersion()).as("each edit is a new rule set").isNotEqualTo(previous);
            previous = engine.current().ruleSetVersion();
        }
        long compiledMillis = millisSince(start);
        long compiledSize = retainedPerRuleSet(compiledBaseline, kept);
        long afterCompiled = usedHeapAfterGc();
        assertThat(engine.current().usesPrecompiledRules()).as("an edited copy is compiled at load").isFalse();
        assertThat(engine.current().assess(INTAKE).ruleSetVersion()).isEqualTo(previous);

        System.out.printf("rule reloads: %d precompiled in %d ms (%.1f ms each; one rule set %d KB), heap %d -> %d"
                        + " MB; %d compiled at load in %d ms (%d ms each; one rule set %d KB), heap %d -> %d MB%n",
                PRECOMPILED_RELOADS, precompiledMillis, precompiledMillis / (double) PRECOMPILED_RELOADS,
                precompiledSize / 1024, baseline / MB, afterPrecompiled / MB, COMPILED_RELOADS, compiledMillis,
                compiledMillis / COMPILED_RELOADS, compiledSize / 1024, compiledBaseline / MB, afterCompiled / MB);
        assertThat(precompiledSize).as("a kept rule set shows on the heap").isPositive();
        assertThat(compiledSize).as("a kept rule set shows on the heap").isPositive();
        assertThat(afterPrecompiled - baseline).as("heap growth over %d precompiled reloads", PRECOMPILED_RELOADS)
                .isLessThan(Math.min(AT_MOST, PRECOMPILED_RELOADS * precompiledSize / 2));
        assertThat(afterCompiled - compiledBaseline).as("heap growth over %d reloads compiled at load",
                COMPILED_RELOADS).isLessThan(Math.min(AT_MOST, COMPILED_RELOADS * compiledSize / 2));
    }
}
