package nl.burnoutprofiler.engine;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.burnoutprofiler.engine.catalogue.ActionText;
import nl.burnoutprofiler.engine.catalogue.Catalogue;
import nl.burnoutprofiler.engine.internal.Evaluation;
import nl.burnoutprofiler.engine.internal.OrganisationRuleSet;
import nl.burnoutprofiler.engine.internal.OrganisationSmoke;
import nl.burnoutprofiler.engine.internal.RuleSet;
import nl.burnoutprofiler.engine.internal.RuleSetFiles;
import nl.burnoutprofiler.engine.internal.RuleSetLoader;
import nl.burnoutprofiler.engine.internal.RuleSetLoader.LoadedRuleSet;
import nl.burnoutprofiler.engine.internal.SmokeAssessment;
import nl.burnoutprofiler.engine.internal.TeamEvaluation;
import nl.burnoutprofiler.engine.team.TeamAdvice;
import nl.burnoutprofiler.engine.team.TeamSignals;

/**
 * The burnout-profiler engine: built once from a rule set, then asked to {@link #assess(Intake) assess} any
 * number of intakes, from any number of threads.
 *
 * <pre>{@code
 * ProfilerEngine engine = ProfilerEngine.packaged();          // or ProfilerEngine.fromDirectory(Path.of("rules"))
 * Outcome outcome = engine.assess(intake);
 * outcome.presentation().primary();                           // e.g. PHYSIOLOGICAL
 * outcome.recommendations().get(0).rationale();               // why, in Dutch
 * }</pre>
 *
 * <p>Immutable and thread-safe: every assessment runs in its own rule session, disposed when it is done. Rules do
 * no I/O, and the same intake with the same rule set always gives the same outcome.
 */
public final class ProfilerEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ProfilerEngine.class);

    private final RuleSet ruleSet;
    /** Null for a rule set without organisation rules (sets made before there were any). */
    private final OrganisationRuleSet organisation;
    private final RuleSetFiles files;
    private final IntakeValidator validator;

    private ProfilerEngine(LoadedRuleSet loaded, RuleSetFiles files) {
        this.ruleSet = loaded.client();
        this.organisation = loaded.organisation();
        this.files = files;
        this.validator = new IntakeValidator(ruleSet.catalogue());
    }

    /**
     * Builds an engine from a rule folder (DRL files, {@code catalogue/*.json}, {@code ruleset.properties}).
     *
     * @throws RuleSetException naming file, line and reason of every problem found: a rule file missing from the
     *                          folder or not named in {@code ruleset.properties}, a rule that failed the smoke
     *                          assessment, a required phase none of whose rules fired; or the folder unreadable
     */
    public static ProfilerEngine fromDirectory(Path rulesDirectory) {
        return fromDirectory(rulesDirectory, RuleCompilation.PRECOMPILED_WHEN_IDENTICAL);
    }

    /** Builds an engine from a rule folder, choosing how the rules are compiled. */
    public static ProfilerEngine fromDirectory(Path rulesDirectory, RuleCompilation compilation) {
        return build(RuleSetFiles.fromDirectory(rulesDirectory), compilation);
    }

    /** Builds an engine from the rule set packaged in the jar. */
    public static ProfilerEngine packaged() {
        return build(RuleSetFiles.packaged(), RuleCompilation.PRECOMPILED_WHEN_IDENTICAL);
    }

    /**
     * Builds an engine from the files of a rule set held elsewhere, such as a database: the texts by their path
     * relative to the rule folder ({@code ruleset.properties}, {@code safety.drl}, {@code catalogue/advice.json}, ...),
     * as {@link #ruleFiles()} gives them. The same files give the same {@link #ruleSetVersion() version} wherever
     * they came from.
     *
     * @param origin what to call the set in messages and the log, e.g. "database"
     * @throws RuleSetException naming file, line and reason of every problem found, as {@link #fromDirectory(Path)}
     */
    public static ProfilerEngine fromRuleFiles(String origin, Map<String, String> files) {
        return build(new RuleSetFiles(origin, files), RuleCompilation.PRECOMPILED_WHEN_IDENTICAL);
    }

    private static ProfilerEngine build(RuleSetFiles files, RuleCompilation compilation) {
        long started = System.nanoTime();
        ProfilerEngine engine = new ProfilerEngine(RuleSetLoader.loadAll(files, compilation), files);
        if (!engine.ruleSet.smokeTested()) {
            SmokeAssessment.run(engine.ruleSet);
        }
        if (engine.organisation != null && !engine.organisation.smokeTested()) {
            OrganisationSmoke.run(engine.organisation, engine.catalogue());
        }
        LOG.info("rule set {} loaded from {} ({}): {} rules, {} organisation rules, {} observation codes, in {} ms",
                engine.ruleSetVersion(), files.origin(), engine.usesPrecompiledRules() ? "precompiled" : "compiled at load",
                engine.ruleSet.rules().size(), engine.organisationRules().size(), engine.catalogue().codeIds().size(),
                (System.nanoTime() - started) / 1_000_000);
        if (!engine.unreadCodes().isEmpty()) {
            LOG.warn("rule set {}: {} observation code(s) of the catalogue read by no rule, recorded but changing no"
                    + " outcome: {}", engine.ruleSetVersion(), engine.unreadCodes().size(),
                    String.join(", ", engine.unreadCodes()));
        }
        return engine;
    }

    /**
     * Assesses one intake.
     *
     * @throws InvalidIntakeException listing every problem of the intake; no rule has run
     * @throws RuleExecutionException when a rule fails, which is a fault of the rule set
     */
    public Outcome assess(Intake intake) {
        validator.check(intake);
        return Evaluation.run(ruleSet, intake);
    }

    /**
     * Assesses one intake for a machine: the same decisions as {@link #assess(Intake)}, by id, without the texts and
     * the trace's facts, which is cheaper to build and to send.
     *
     * @throws InvalidIntakeException listing every problem of the intake; no rule has run
     * @throws RuleExecutionException when a rule fails, which is a fault of the rule set
     */
    public CompactOutcome assessCompact(Intake intake) {
        validator.check(intake);
        return Evaluation.runCompact(ruleSet, intake);
    }

    /**
     * Advises an organisation on what recurs in one of its units: actions per basic need and per recurring context
     * signal, each with its rationale, who acts, the published cells it rests on, its sources and the rules that
     * proposed it. Reads only the cells that are shown: a cell below the unit's minimum count never leads to an
     * action. Thread-safe and deterministic, like {@link #assess(Intake)}.
     *
     * @throws IllegalStateException  when this rule set has no organisation rules ({@link #advisesTeams()})
     * @throws RuleExecutionException when a rule fails, which is a fault of the rule set
     */
    public TeamAdvice adviseTeam(TeamSignals team) {
        Objects.requireNonNull(team, "team");
        if (organisation == null) {
            throw new IllegalStateException("rule set " + ruleSetVersion() + " has no organisation rules");
        }
        return TeamEvaluation.run(organisation, team);
    }

    /** Whether this rule set has organisation rules, so that {@link #adviseTeam(TeamSignals)} can answer. */
    public boolean advisesTeams() {
        return organisation != null;
    }

    /** The organisation rules with id, title, source, file and line, ordered by id; empty without them. */
    public List<RuleInfo> organisationRules() {
        return organisation == null ? List.of() : organisation.rules().values().stream()
                .sorted(Comparator.comparing(RuleInfo::id))
                .toList();
    }

    /** Every action the organisation rules can propose, in catalogue order; empty without organisation rules. */
    public List<ActionText> organisationActions() {
        return organisation == null ? List.of() : List.copyOf(organisation.actions().values());
    }

    /** True when the organisation rules were compiled at build time rather than from the rule files at load. */
    public boolean usesPrecompiledOrganisationRules() {
        return organisation != null && organisation.precompiled();
    }

    /** The observation codes and advice texts of this rule set. */
    public Catalogue catalogue() {
        return ruleSet.catalogue();
    }

    /** Semantic version plus content hash of the rule set, as every outcome records it. */
    public String ruleSetVersion() {
        return ruleSet.version();
    }

    /**
     * The files this engine was built from, by their path relative to the rule folder, sorted: what
     * {@link #fromRuleFiles(String, Map)} builds the same rule set from.
     */
    public Map<String, String> ruleFiles() {
        return files.files();
    }

    /** True when the rule base was compiled at build time rather than from the rule files at load. */
    public boolean usesPrecompiledRules() {
        return ruleSet.precompiled();
    }

    /**
     * The catalogue's observation codes that no rule reads: a coach can record them, but they change no outcome.
     * Empty for a complete rule set; reported at load and by the {@code rules} command, not refused.
     */
    public List<String> unreadCodes() {
        return ruleSet.unreadCodes();
    }

    /**
     * Every rule of the client assessment with its id, title, source, file and line, ordered by id; the organisation
     * rules are {@link #organisationRules()}.
     */
    public List<RuleInfo> rules() {
        return ruleSet.rules().values().stream()
                .sorted(Comparator.comparing(RuleInfo::id))
                .toList();
    }

    /** Checks an intake without assessing it: every problem, or an empty list. */
    public List<FieldProblem> validate(Intake intake) {
        return validator.problems(intake);
    }
}
