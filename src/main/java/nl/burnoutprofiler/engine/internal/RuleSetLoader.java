package nl.burnoutprofiler.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import nl.burnoutprofiler.engine.RuleCompilation;
import nl.burnoutprofiler.engine.RuleInfo;
import nl.burnoutprofiler.engine.RuleProblem;
import nl.burnoutprofiler.engine.RuleSetException;
import nl.burnoutprofiler.engine.catalogue.ActionText;
import nl.burnoutprofiler.engine.catalogue.Catalogue;
import nl.burnoutprofiler.engine.catalogue.ObservationCode;

/**
 * Turns the files of a rule set into a checked, immutable {@link RuleSet}: catalogue first, then every quoted
 * identifier in the rules against it, then the Drools build, then the metadata of every rule. The organisation
 * rules ({@code organisation/}) go through the same steps into a rule base of their own.
 */
public final class RuleSetLoader {

    /** Folder inside the KieFileSystem matching the DRL package, so Drools sees package == folder. */
    private static final String PACKAGE_FOLDER = "nl/burnoutprofiler/rules/";
    private static final String KFS_ROOT = "src/main/resources/" + PACKAGE_FOLDER;
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    /** A quoted identifier such as "SLEEP_PROBLEMS" or "MEANING_WORK": it must be known to the catalogue. */
    private static final Pattern QUOTED_IDENTIFIER = Pattern.compile("\"([A-Z][A-Z0-9_]{3,})\"");
    private static final Pattern RULE_ID = Pattern.compile("[A-Z]{2,5}-\\d{3}");
    private static final AtomicLong BUILDS = new AtomicLong();

    private RuleSetLoader() {
    }

    /**
     * Loads and checks a rule set. The rule base is built (or loaded precompiled) on a second thread while the
     * catalogue is read and the rules are checked against it, which shortens a cold start.
     */
    public static RuleSet load(RuleSetFiles files, RuleCompilation compilation) {
        return loadAll(files, compilation).client();
    }

    /**
     * The client's rule set and, when the set has organisation rules, those: two rule bases, one version.
     *
     * @param client       assesses a client's intake
     * @param organisation advises an organisation on its team signals; null for a rule set without
     *                     {@code organisation.files=}
     */
    public record LoadedRuleSet(RuleSet client, OrganisationRuleSet organisation) {
    }

    /** Loads and checks a rule set with its organisation rules; {@link #load} says how. */
    public static LoadedRuleSet loadAll(RuleSetFiles files, RuleCompilation compilation) {
        ExecutorService builder = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rule-base-builder");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Built> kieBase = builder.submit(() -> {
                if (compilation == RuleCompilation.PRECOMPILED_WHEN_IDENTICAL) {
                    var precompiled = PrecompiledRuleBase.matching(files);
                    if (precompiled.isPresent()) {
                        return new Built(precompiled.get(), true);
                    }
                }
                return new Built(build(files.clientRuleFiles()), false);
            });
            Map<String, String> organisationFiles = files.organisationRuleFiles();
            // Queued behind the client's: the organisation rules are few, and a cold start has two cores at most.
            Future<Built> organisationBase = organisationFiles.isEmpty() ? null : builder.submit(() -> {
                if (compilation == RuleCompilation.PRECOMPILED_WHEN_IDENTICAL) {
                    var precompiled = PrecompiledRuleBase.matchingOrganisation(files);
                    if (precompiled.isPresent()) {
                        return new Built(precompiled.get(), true);
                    }
                }
                return new Built(build(organisationFiles), false);
            });
            CatalogueReader catalogueReader = new CatalogueReader();
            Catalogue catalogue = catalogueReader.read(files);
            List<RuleProblem> problems = new ArrayList<>(catalogueReader.problems());
            RuleSetManifest manifest = RuleSetManifest.read(files, problems);
            if (catalogue != null) {
                problems.addAll(unknownIdentifiers(files.clientRuleFiles(), catalogue::knowsIdentifier,
                        "is not in the catalogue (observation code, recommendation, avoid or question id)"));
            }
            if (files.clientRuleFiles().isEmpty()) {
                problems.add(new RuleProblem(files.origin(), 0, 0, "contains no .drl rule files"));
            }
            Map<String, ActionText> actions = catalogue == null ? null
                    : OrganisationRules.actions(files, catalogue, problems);
            if (!problems.isEmpty()) {
                kieBase.cancel(true);
                if (organisationBase != null) {
                    organisationBase.cancel(true);
                }
                throw new RuleSetException(problems);
            }
            Map<String, Location> locations = new HashMap<>();
            files.clientRuleFiles().forEach((file, text) -> locateRules(file, text, locations));
            Built built = await(kieBase);
            String version = version(manifest, files);
            RuleSet client = new RuleSet(built.kieBase(), catalogue, version,
                    describeRules(built.kieBase(), locations), manifest.phases(),
                    unreadCodes(files.clientRuleFiles(), catalogue), built.precompiled(),
                    built.precompiled() && PrecompiledRuleBase.smokeTested());
            if (organisationBase == null) {
                return new LoadedRuleSet(client, null);
            }
            Map<String, Location> organisationLocations = new HashMap<>();
            organisationFiles.forEach((file, text) -> locateRules(file, text, organisationLocations));
            Built organisation = await(organisationBase);
            Map<String, RuleInfo> organisationRules = describeRules(organisation.kieBase(), organisationLocations);
            OrganisationRules.refuseIdsOfClientRules(organisationRules, client.rules());
            return new LoadedRuleSet(client, new OrganisationRuleSet(organisation.kieBase(), actions,
                    organisationRules, catalogue.bibliography(), version, organisation.precompiled(),
                    organisation.precompiled() && PrecompiledRuleBase.smokeTested()));
        } finally {
            builder.shutdownNow();
        }
    }

    private record Built(KieBase kieBase, boolean precompiled) {
    }

    private static Built await(Future<Built> kieBase) {
        try {
            return kieBase.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the rule base", e);
        }
    }

    private static KieBase build(Map<String, String> drlFiles) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem kfs = services.newKieFileSystem();
        // A release id of its own per build: a rebuilt rule set must never be confused with the one it replaces.
        ReleaseId releaseId = services.newReleaseId("nl.burnoutprofiler", "rules", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        // Immutable: no rule is ever added to a built rule base (a reload builds a new one), which spares every
        // session the bookkeeping that a changing rule base would need.
        KieModuleModel module = services.newKieModuleModel();
        module.newKieBaseModel("rules").setDefault(true).addPackage("*")
                .setMutability(KieBaseMutabilityOption.DISABLED);
        kfs.writeKModuleXML(module.toXML());
        drlFiles.forEach((file, text) -> kfs.write(KFS_ROOT + file, text));
        KieBuilder builder = services.newKieBuilder(kfs).buildAll();
        List<RuleProblem> problems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = ruleFile(message.getPath());
            boolean followUp = message.getLine() <= 0 && message.getText().contains("Parser returned a null Package");
            if (!followUp) {
                problems.add(new RuleProblem(path, Math.max(0, message.getLine()), Math.max(0, message.getColumn()),
                        message.getText().strip()));
            }
        }
        if (!problems.isEmpty()) {
            services.getRepository().removeKieModule(releaseId);
            throw new RuleSetException(problems);
        }
        try {
            return services.newKieContainer(releaseId).getKieBase();
        } finally {
            // The repository is process-wide: leaving modules in it would keep every old rule base alive.
            services.getRepository().removeKieModule(releaseId);
        }
    }

    /** Drools reports paths inside its file system, with or without the resources prefix. */
    private static String ruleFile(String kfsPath) {
        if (kfsPath == null) {
            return "(rule set)";
        }
        int root = kfsPath.indexOf(PACKAGE_FOLDER);
        return root >= 0 ? kfsPath.substring(root + PACKAGE_FOLDER.length()) : kfsPath;
    }

    /** Each quoted identifier in the rules' code that {@code known} does not know, with file, line and column. */
    static List<RuleProblem> unknownIdentifiers(Map<String, String> drlFiles, Predicate<String> known,
                                                String reason) {
        List<RuleProblem> problems = new ArrayList<>();
        forEachQuotedIdentifier(drlFiles, (file, line, column, identifier) -> {
            if (!known.test(identifier)) {
                problems.add(new RuleProblem(file, line, column, "\"" + identifier + "\" " + reason));
            }
        });
        return problems;
    }

    /** The catalogue's observation codes that no rule names outside a comment, in catalogue order. */
    private static List<String> unreadCodes(Map<String, String> drlFiles, Catalogue catalogue) {
        Set<String> read = new HashSet<>();
        forEachQuotedIdentifier(drlFiles, (file, line, column, identifier) -> read.add(identifier));
        return catalogue.codes().stream().map(ObservationCode::code).filter(code -> !read.contains(code)).toList();
    }

    private interface IdentifierVisitor {
        void visit(String file, int line, int column, String identifier);
    }

    /** Every quoted identifier in the rules' code, comments left out. */
    private static void forEachQuotedIdentifier(Map<String, String> drlFiles, IdentifierVisitor visitor) {
        drlFiles.forEach((file, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                int comment = line.indexOf("//");
                String code = comment >= 0 ? line.substring(0, comment) : line;
                Matcher m = QUOTED_IDENTIFIER.matcher(code);
                while (m.find()) {
                    visitor.visit(file, i + 1, m.start(1) + 1, m.group(1));
                }
            }
        });
    }

    /** Where a rule is written: Drools gives rule names, a knowledge engineer needs file and line. */
    private record Location(String file, int line) {
        static final Location UNKNOWN = new Location("?", 0);
    }

    private static void locateRules(String file, String text, Map<String, Location> locations) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE_HEADER.matcher(lines[i]);
            if (m.find()) {
                locations.put(m.group(1), new Location(file, i + 1));
            }
        }
    }

    private static Map<String, RuleInfo> describeRules(KieBase kieBase, Map<String, Location> locations) {
        Map<String, RuleInfo> rules = new TreeMap<>();
        Map<String, String> ruleById = new HashMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                Location location = locations.getOrDefault(rule.getName(), Location.UNKNOWN);
                String file = location.file();
                int line = location.line();
                Map<String, Object> meta = rule.getMetaData();
                String id = text(meta.get("id"));
                String titleEn = text(meta.get("title"));
                String titleNl = text(meta.get("titleNl"));
                String source = text(meta.get("source"));
                if (id == null || titleEn == null || titleNl == null || source == null) {
                    problems.add(new RuleProblem(file, line, 0, "rule \"" + rule.getName()
                            + "\" needs @id, @title, @titleNl and @source metadata"));
                    continue;
                }
                if (!RULE_ID.matcher(id).matches()) {
                    problems.add(new RuleProblem(file, line, 0, "rule id " + id + " is not of the form ABC-123"));
                }
                String earlier = ruleById.putIfAbsent(id, rule.getName());
                if (earlier != null) {
                    problems.add(new RuleProblem(file, line, 0, "rule id " + id + " is also used by \"" + earlier + "\""));
                }
                rules.put(rule.getName(), new RuleInfo(id, titleNl, titleEn, source, file, line));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return rules;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** Semantic version from ruleset.properties plus a hash of every file, so any edit shows in the outcome. */
    private static String version(RuleSetManifest manifest, RuleSetFiles files) {
        return manifest.semanticVersion() + "+" + files.contentHash().substring(0, 12);
    }
}
