package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.RuleProblem;
import nl.burnoutprofiler.store.Database;
import nl.burnoutprofiler.store.RuleSetStore;
import nl.burnoutprofiler.store.RuleSetStore.Activation;
import nl.burnoutprofiler.store.TestDatabases;

/**
 * Which rule set a server runs when servers share a database: the set of the newest activation. A server's own set
 * is activated at its start only when it was never active before; a set activated elsewhere is taken over at the
 * next poll; a set this server cannot build leaves the running one in place and the server reports itself behind.
 */
class LiveEngineTest {

    /** The project's rules, edited: another version, as a knowledge engineer's reload on another server makes. */
    private static ProfilerEngine edited;

    @TempDir
    static Path editedRules;
    @TempDir
    Path rules;
    @TempDir
    Path data;

    private Database database;
    private RuleSetStore store;
    private LiveEngine engine;

    @BeforeAll
    static void editRules() {
        TestServer.copyRules(editedRules);
        TestServer.setRuleSetVersion(editedRules, "0.9.0");
        edited = ProfilerEngine.fromDirectory(editedRules);
    }

    @BeforeEach
    void open() {
        TestServer.copyRules(rules);
        database = Database.open(TestDatabases.embedded(data));
        store = database.ruleSets();
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        database.close();
    }

    private LiveEngine start(String server) {
        engine = LiveEngine.shared(rules, LiveEngine.loadRuleSet(rules), store, Duration.ZERO, server);
        return engine;
    }

    /** The edited set with a syntax error in avoid.drl: what a later program version's rules look like to this one. */
    private static Map<String, String> brokenFiles() {
        Map<String, String> broken = new TreeMap<>(edited.ruleFiles());
        broken.put("avoid.drl", broken.get("avoid.drl").replaceFirst("(?m)^end$", "en d"));
        return broken;
    }

    private static String projectVersion() {
        return TestEngine.get().ruleSetVersion();
    }

    @Test
    void aServerStartingWithARuleSetNeverActiveBeforeActivatesIt() {
        LiveEngine started = start("web-1");

        Activation active = store.latest().orElseThrow();
        assertThat(active.version()).isEqualTo(projectVersion());
        assertThat(active.why()).isEqualTo(RuleSetStore.Why.START);
        assertThat(active.activatedBy()).isEqualTo("web-1");
        assertThat(started.current().ruleSetVersion()).isEqualTo(projectVersion());
        assertThat(started.convergence().converged()).isTrue();
        assertThat(store.files(projectVersion())).contains(new TreeMap<>(started.current().ruleFiles()));
    }

    @Test
    void aServerStartingWithAnOlderRuleSetRunsTheNewestActivationInstead() {
        store.activateAtStart(projectVersion(), TestEngine.get().ruleFiles(), "web-1");
        Activation reload = store.activate(edited.ruleSetVersion(), edited.ruleFiles(), "anna@web-2",
                RuleSetStore.Why.RELOAD);

        LiveEngine restarted = start("web-1");

        assertThat(restarted.current().ruleSetVersion()).isEqualTo(edited.ruleSetVersion()).startsWith("0.9.0+");
        assertThat(store.latest()).as("no activation of the older set").contains(reload);
        assertThat(restarted.convergence().converged()).isTrue();
        assertThat(restarted.activeInDatabase()).contains(reload);
    }

    @Test
    void aRuleSetActivatedByAnotherServerRunsHereAfterTheNextPoll() {
        LiveEngine running = start("web-1");
        running.poll();
        assertThat(running.current().ruleSetVersion()).isEqualTo(projectVersion());

        store.activate(edited.ruleSetVersion(), edited.ruleFiles(), "anna@web-2", RuleSetStore.Why.RELOAD);
        running.poll();

        assertThat(running.current().ruleSetVersion()).isEqualTo(edited.ruleSetVersion());
        assertThat(running.current().usesPrecompiledRules()).isFalse();
        assertThat(running.convergence().converged()).isTrue();
    }

    @Test
    void aReloadHereActivatesTheReloadedRuleSetForEveryServer() {
        LiveEngine running = start("web-1");
        TestServer.setRuleSetVersion(rules, "0.9.1");

        ProfilerEngine reloaded = running.reload("anna");

        Activation active = store.latest().orElseThrow();
        assertThat(active.version()).isEqualTo(reloaded.ruleSetVersion()).startsWith("0.9.1+");
        assertThat(active.activatedBy()).isEqualTo("anna@web-1");
        assertThat(active.why()).isEqualTo(RuleSetStore.Why.RELOAD);
        assertThat(store.files(active.version())).contains(new TreeMap<>(reloaded.ruleFiles()));
        running.poll();
        assertThat(running.current()).as("its own activation changes nothing at the next poll").isSameAs(reloaded);
    }

    @Test
    void aStoredRuleSetThatCannotBeBuiltLeavesTheRunningOneAndTheServerSaysItIsBehind() {
        LiveEngine running = start("web-1");
        store.activate("0.9.9+000000000000", brokenFiles(), "later-program@web-3", RuleSetStore.Why.RELOAD);

        running.poll();
        running.poll();

        assertThat(running.current().ruleSetVersion()).isEqualTo(projectVersion());
        LiveEngine.Convergence behind = running.convergence();
        assertThat(behind.converged()).isFalse();
        assertThat(behind.running()).isEqualTo(projectVersion());
        assertThat(behind.active().version()).isEqualTo("0.9.9+000000000000");
        assertThat(behind.problems()).isNotEmpty().anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("avoid.drl");
            assertThat(problem.line()).isPositive();
        });

        store.activate(edited.ruleSetVersion(), edited.ruleFiles(), "anna@web-2", RuleSetStore.Why.RELOAD);
        running.poll();
        assertThat(running.current().ruleSetVersion()).isEqualTo(edited.ruleSetVersion());
        assertThat(running.convergence().converged()).isTrue();
        assertThat(running.convergence().problems()).isEmpty();
    }

    @Test
    void aServerStartingWhileTheActiveSetCannotBeBuiltRunsItsOwnAndSaysItIsBehind() {
        store.activateAtStart(projectVersion(), TestEngine.get().ruleFiles(), "web-1");
        store.activate("0.9.9+000000000000", brokenFiles(), "later-program@web-3", RuleSetStore.Why.RELOAD);

        LiveEngine restarted = start("web-1");

        assertThat(restarted.current().ruleSetVersion()).isEqualTo(projectVersion());
        assertThat(restarted.convergence().converged()).isFalse();
        assertThat(restarted.convergence().problems()).extracting(RuleProblem::file)
                .contains("avoid.drl");
    }
}
