package nl.burnoutprofiler.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.RuleProblem;
import nl.burnoutprofiler.engine.RuleSetException;
import nl.burnoutprofiler.store.RuleSetStore;
import nl.burnoutprofiler.store.RuleSetStore.Activation;
import nl.burnoutprofiler.store.StoreException;

/**
 * The engine the server assesses with, replaceable while requests are served. A reload builds and smoke-tests the
 * new rule set beside the running one and swaps it in with one atomic write; a broken or incomplete rule set (a
 * file of its ruleset.properties missing, a required phase that never fires) is refused and the running one stays. The old engine is not closed: assessments already running finish on it, and nothing else
 * refers to it afterwards, so the garbage collector releases it.
 *
 * <p>Servers on one database run one rule set: the set of the newest activation in the database
 * ({@link RuleSetStore}). A reload keeps its files there and activates it; every server polls the newest activation
 * and, when it names another set than the one running, builds that set from the database and swaps it in the same
 * way. A set this server cannot build (one written for a later program version, say) is logged once with file, line
 * and reason; the running set stays, and {@link #convergence()} says the server is behind.
 */
public final class LiveEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEngine.class);
    /** How often a server looks for a newer activation: a reload elsewhere reaches it within this delay and a build. */
    public static final Duration DEFAULT_POLLING = Duration.ofSeconds(2);
    static final String FROM_DATABASE = "database";

    private final Path rulesDirectory;
    private final AtomicReference<ProfilerEngine> current;
    private final Object reloading = new Object();
    /** Null for an engine of its own, shared with no other server. */
    private final RuleSetStore shared;
    private final String serverName;
    private ScheduledExecutorService poller;
    /** The newest activation this server has acted on; null before the first, or without a database. */
    private volatile Activation active;
    /** Why the active set does not run here; null when it does. */
    private volatile Refusal refused;
    private volatile boolean pollFailing;

    /**
     * Where this server stands: the version it runs, the newest activation it has seen in the database (null without
     * one), and when it runs another set than that one, the problems that kept it from building it.
     */
    public record Convergence(String running, Activation active, List<RuleProblem> problems) {

        public Convergence {
            problems = List.copyOf(problems);
        }

        /** True when this server runs the active rule set (or shares none). */
        public boolean converged() {
            return active == null || active.version().equals(running);
        }
    }

    private record Refusal(String version, List<RuleProblem> problems) {
    }

    private LiveEngine(Path rulesDirectory, ProfilerEngine first, RuleSetStore shared, String serverName) {
        this.rulesDirectory = rulesDirectory;
        this.current = new AtomicReference<>(first);
        this.shared = shared;
        this.serverName = serverName;
    }

    /** Loads the rule folder, or the packaged rule set when {@code rulesDirectory} is null; shared with no server. */
    public static LiveEngine load(Path rulesDirectory) {
        return new LiveEngine(rulesDirectory, loadRuleSet(rulesDirectory), null, thisHost());
    }

    /**
     * Loads the rule folder, or the packaged rule set when {@code rulesDirectory} is null.
     *
     * @throws RuleSetException with file, line and reason when the set is broken or incomplete
     */
    static ProfilerEngine loadRuleSet(Path rulesDirectory) {
        return rulesDirectory == null ? ProfilerEngine.packaged() : ProfilerEngine.fromDirectory(rulesDirectory);
    }

    /**
     * Runs the rule set the servers on {@code store}'s database share. {@code own} (this server's rule folder or
     * packaged set) is activated when it was never active there before: a new program version or a new edit. When
     * it was, the set of the newest activation runs instead, so that restarting with an older folder never undoes a
     * reload. Then every {@code polling} (none when zero) the server looks for a newer activation.
     */
    static LiveEngine shared(Path rulesDirectory, ProfilerEngine own, RuleSetStore store, Duration polling,
                             String serverName) {
        LiveEngine engine = new LiveEngine(rulesDirectory, own, store, serverName);
        Activation newest = store.activateAtStart(own.ruleSetVersion(), own.ruleFiles(), serverName);
        LOG.info("rule set {} is active on this database (activation {}, {} by {})", newest.version(), newest.id(),
                newest.activatedAt(), newest.activatedBy());
        synchronized (engine.reloading) {
            engine.follow(newest);
        }
        if (!polling.isZero()) {
            engine.startPolling(polling);
        }
        return engine;
    }

    /** The host name, to say in the activation log which server started or reloaded. */
    static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }

    public ProfilerEngine current() {
        return current.get();
    }

    /** A reload without a named caller, such as the rule folder watcher's. */
    public ProfilerEngine reload() {
        return reload("rule-folder-watcher");
    }

    /**
     * Builds the rule set again from its source and makes it current; on a shared database it becomes the active rule
     * set of every server (activated by {@code by}@<this host>).
     *
     * @throws RuleSetException with file, line and reason when the new set is broken or incomplete, or its folder
     *                          is gone; the running set stays
     */
    public ProfilerEngine reload(String by) {
        synchronized (reloading) {
            ProfilerEngine next = loadRuleSet(rulesDirectory);
            if (shared != null) {
                active = shared.activate(next.ruleSetVersion(), next.ruleFiles(), by + "@" + serverName,
                        RuleSetStore.Why.RELOAD);
                refused = null;
            }
            ProfilerEngine previous = current.getAndSet(next);
            LOG.info("rule set {} replaces {}", next.ruleSetVersion(), previous.ruleSetVersion());
            return next;
        }
    }

    /** The rule folder reloads read, or null for the packaged rule set. */
    public Path rulesDirectory() {
        return rulesDirectory;
    }

    /** Whether this server runs the rule set that is active in the database, and if not, why. */
    public Convergence convergence() {
        Refusal refusal = refused;
        return new Convergence(current.get().ruleSetVersion(), active,
                refusal == null ? List.of() : refusal.problems());
    }

    /** The newest activation this server has seen in the database; empty when it shares none. */
    public Optional<Activation> activeInDatabase() {
        return Optional.ofNullable(active);
    }

    /**
     * Looks once for a newer activation and runs its rule set. Normally the poller's; tests call it to decide when.
     */
    void poll() {
        Optional<Activation> newest;
        try {
            newest = shared.latest();
        } catch (StoreException e) {
            if (!pollFailing) {
                pollFailing = true;
                LOG.warn("cannot read the active rule set from the database; rule set {} keeps running: {}",
                        current.get().ruleSetVersion(), e.getMessage());
            }
            return;
        }
        if (pollFailing) {
            pollFailing = false;
            LOG.info("the database answers again; looking for the active rule set");
        }
        Activation seen = active;
        if (newest.isEmpty() || seen != null && seen.id() == newest.get().id()) {
            return;
        }
        synchronized (reloading) {
            follow(newest.get());
        }
    }

    /** Runs the rule set of {@code newest}, unless a reload here has activated a newer one meanwhile. */
    private void follow(Activation newest) {
        Activation seen = active;
        if (seen != null && seen.id() > newest.id()) {
            return;
        }
        ProfilerEngine running = current.get();
        if (newest.version().equals(running.ruleSetVersion())) {
            active = newest;
            refused = null;
            return;
        }
        Refusal earlier = refused;
        if (earlier != null && earlier.version().equals(newest.version())) {
            active = newest; // tried and logged already: the same files fail the same way
            return;
        }
        ProfilerEngine next;
        try {
            next = build(newest.version());
        } catch (StoreException e) {
            LOG.warn("cannot read rule set {} from the database; rule set {} keeps running: {}", newest.version(),
                    running.ruleSetVersion(), e.getMessage());
            return; // tried again at the next poll
        } catch (RuleSetException e) {
            refuse(newest, running, e.problems());
            return;
        } catch (RuntimeException e) {
            refuse(newest, running, List.of(new RuleProblem(FROM_DATABASE, 0, 0, "cannot be built: " + e)));
            return;
        }
        active = newest;
        refused = null;
        current.set(next);
        LOG.info("rule set {} replaces {}: activated {} by {}", next.ruleSetVersion(), running.ruleSetVersion(),
                newest.activatedAt(), newest.activatedBy());
    }

    private void refuse(Activation newest, ProfilerEngine running, List<RuleProblem> problems) {
        active = newest;
        refused = new Refusal(newest.version(), problems);
        LOG.warn("rule set {} is active in the database (activated {} by {}), but this server cannot build it; rule"
                        + " set {} keeps running here until it can:\n  {}", newest.version(), newest.activatedAt(),
                newest.activatedBy(), running.ruleSetVersion(),
                String.join("\n  ", problems.stream().map(Object::toString).toList()));
    }

    private ProfilerEngine build(String version) {
        Map<String, String> files = shared.files(version).orElseThrow(() -> new RuleSetException(List.of(
                new RuleProblem(FROM_DATABASE, 0, 0, "rule set " + version + " is activated but not kept"))));
        ProfilerEngine built = ProfilerEngine.fromRuleFiles(FROM_DATABASE, files);
        if (!built.ruleSetVersion().equals(version)) {
            throw new RuleSetException(List.of(new RuleProblem(FROM_DATABASE, 0, 0, "the files kept as rule set "
                    + version + " make rule set " + built.ruleSetVersion())));
        }
        return built;
    }

    private void startPolling(Duration every) {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rule-set-poller");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, every.toMillis());
        poller.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** A poll that throws would end the schedule: whatever goes wrong, the next poll comes. */
    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("looking for the active rule set failed; trying again", e);
        }
    }

    /** Stops polling; the running rule set stays usable. */
    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
