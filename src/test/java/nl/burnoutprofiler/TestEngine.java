package nl.burnoutprofiler;

import java.nio.file.Path;

import nl.burnoutprofiler.engine.ProfilerEngine;

/** One engine on the project's rules/ folder, built once for all tests that only read it. */
public final class TestEngine {

    public static final Path RULES = Path.of("rules");

    private static final ProfilerEngine ENGINE = ProfilerEngine.fromDirectory(RULES);

    private TestEngine() {
    }

    public static ProfilerEngine get() {
        return ENGINE;
    }
}
