package nl.burnoutprofiler.server;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.RuleSetException;

/**
 * The engine the server assesses with, replaceable while requests are served. A reload builds and smoke-tests the
 * new rule set beside the running one and swaps it in with one atomic write; a broken or incomplete rule set (a
 * file of its ruleset.properties missing, a required phase that never fires) is refused and the running one stays. The old engine is not closed: assessments already running finish on it, and nothing else
 * refers to it afterwards, so the garbage collector releases it.
 */
public final class LiveEngine {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEngine.class);

    private final Path rulesDirectory;
    private final AtomicReference<ProfilerEngine> current;
    private final Object reloading = new Object();

    private LiveEngine(Path rulesDirectory, ProfilerEngine first) {
        this.rulesDirectory = rulesDirectory;
        this.current = new AtomicReference<>(first);
    }

    /** Loads the rule folder, or the packaged rule set when {@code rulesDirectory} is null. */
    public static LiveEngine load(Path rulesDirectory) {
        return new LiveEngine(rulesDirectory, build(rulesDirectory));
    }

    public ProfilerEngine current() {
        return current.get();
    }

    /**
     * Builds the rule set again from its source and makes it current.
     *
     * @throws RuleSetException with file, line and reason when the new set is broken or incomplete, or its folder
     *                          is gone; the running set stays
     */
    public ProfilerEngine reload() {
        synchronized (reloading) {
            ProfilerEngine next = build(rulesDirectory);
            ProfilerEngine previous = current.getAndSet(next);
            LOG.info("rule set {} replaces {}", next.ruleSetVersion(), previous.ruleSetVersion());
            return next;
        }
    }

    /** The rule folder reloads read, or null for the packaged rule set. */
    public Path rulesDirectory() {
        return rulesDirectory;
    }

    private static ProfilerEngine build(Path rulesDirectory) {
        return rulesDirectory == null ? ProfilerEngine.packaged() : ProfilerEngine.fromDirectory(rulesDirectory);
    }
}
