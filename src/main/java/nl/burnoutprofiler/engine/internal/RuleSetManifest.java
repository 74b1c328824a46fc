package nl.burnoutprofiler.engine.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import nl.burnoutprofiler.engine.RuleProblem;

/**
 * What {@code ruleset.properties} says a rule set is: its version, every rule file of the client assessment
 * ({@code files=}), every rule file of the organisation advice ({@code organisation.files=}, in
 * {@code organisation/}; optional, as older rule sets have none) and the phases whose rules must fire
 * ({@code phases=}, each the name of one of the client's files without {@code .drl}). Reading it checks the folder
 * against it: a named file missing, or a rule file not named, is a problem.
 */
record RuleSetManifest(String semanticVersion, Set<String> ruleFiles, Set<String> organisationFiles,
                       List<String> phases) {

    static final String FILE = RuleSetFiles.MARKER;
    private static final String RULE_FILE_SUFFIX = ".drl";

    /** Reads the manifest and checks the files against it; every problem found is added to {@code problems}. */
    static RuleSetManifest read(RuleSetFiles files, List<RuleProblem> problems) {
        String text = files.files().get(FILE);
        if (text == null) {
            problems.add(new RuleProblem(FILE, 0, 0, "file is missing: it gives the rule-set version, files and phases"));
            return new RuleSetManifest("0.0.0", Set.of(), Set.of(), List.of());
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "").strip();
        if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
            problems.add(new RuleProblem(FILE, 0, 0, "version must be a semantic version like 1.2.0"));
            version = "0.0.0";
        }
        Set<String> ruleFiles = new LinkedHashSet<>(list(properties, "files"));
        Set<String> organisationFiles = new LinkedHashSet<>(list(properties, "organisation.files"));
        List<String> phases = list(properties, "phases");
        if (ruleFiles.isEmpty()) {
            problems.add(new RuleProblem(FILE, 0, 0, "files= must name every rule file of the set, "
                    + "e.g. files=safety.drl,avoid.drl"));
        }
        if (phases.isEmpty()) {
            problems.add(new RuleProblem(FILE, 0, 0, "phases= must name the phases whose rules must fire, "
                    + "e.g. phases=safety,avoid"));
        }
        RuleSetManifest manifest = new RuleSetManifest(version, ruleFiles, organisationFiles, phases);
        manifest.check(files, problems);
        return manifest;
    }

    private void check(RuleSetFiles files, List<RuleProblem> problems) {
        for (String named : ruleFiles) {
            if (!named.endsWith(RULE_FILE_SUFFIX)) {
                problems.add(new RuleProblem(FILE, 0, 0, "files= names " + named + ", which is not a .drl rule file"));
            } else if (!files.files().containsKey(named)) {
                problems.add(new RuleProblem(named, 0, 0, "is named in " + FILE + " (files=) but missing from the "
                        + "rule folder"));
            }
        }
        for (String named : organisationFiles) {
            if (!named.endsWith(RULE_FILE_SUFFIX) || !RuleSetFiles.isOrganisationFile(named)) {
                problems.add(new RuleProblem(FILE, 0, 0, "organisation.files= names " + named + ", which is not a .drl"
                        + " rule file in " + RuleSetFiles.ORGANISATION_FOLDER));
            } else if (!files.files().containsKey(named)) {
                problems.add(new RuleProblem(named, 0, 0, "is named in " + FILE + " (organisation.files=) but missing"
                        + " from the rule folder"));
            }
        }
        for (String named : ruleFiles) {
            if (RuleSetFiles.isOrganisationFile(named)) {
                problems.add(new RuleProblem(FILE, 0, 0, "files= names " + named + ": the rule files in "
                        + RuleSetFiles.ORGANISATION_FOLDER + " belong in organisation.files="));
            }
        }
        for (String present : files.drlFiles().keySet()) {
            boolean organisation = RuleSetFiles.isOrganisationFile(present);
            if (!(organisation ? organisationFiles : ruleFiles).contains(present)) {
                problems.add(new RuleProblem(present, 0, 0, "is not named in " + FILE + " ("
                        + (organisation ? "organisation.files=" : "files=") + "): name it there, "
                        + "or move it out of the rule folder"));
            }
        }
        for (String phase : phases) {
            if (!ruleFiles.contains(phaseFile(phase))) {
                problems.add(new RuleProblem(FILE, 0, 0, "phase " + phase + " needs its rule file " + phaseFile(phase)
                        + " among files="));
            }
        }
    }

    /** The file whose rules make up a phase. */
    static String phaseFile(String phase) {
        return phase + RULE_FILE_SUFFIX;
    }

    private static List<String> list(Properties properties, String key) {
        List<String> values = new ArrayList<>();
        Arrays.stream(properties.getProperty(key, "").split(","))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .forEach(values::add);
        return values;
    }
}
