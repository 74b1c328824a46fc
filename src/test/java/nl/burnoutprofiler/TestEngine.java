package nl.burnoutprofiler;

import java.nio.file.Path;

import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.RuleCompilation;

/**
 * Engines on the project's rules/ folder, built once for all tests that only read them: the default (the
 * rule base precompiled at build time) and one compiled from the DRL at load, as edited rules are.
 */
public final class TestEngine {

    public static final Path RULES = Path.of("rules");

    private static final ProfilerEngine PRECOMPILED = ProfilerEngine.fromDirectory(RULES);
    private static final ProfilerEngine COMPILED_AT_LOAD =
            ProfilerEngine.fromDirectory(RULES, RuleCompilation.COMPILE_AT_LOAD);

    private TestEngine() {
    }

    /** The default engine. */
    public static ProfilerEngine get() {
        return PRECOMPILED;
    }

    public static ProfilerEngine compiledAtLoad() {
        return COMPILED_AT_LOAD;
    }
}
