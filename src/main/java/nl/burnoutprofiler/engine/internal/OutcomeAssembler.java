package nl.burnoutprofiler.engine.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import nl.burnoutprofiler.engine.Confidence;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.Observation;
import nl.burnoutprofiler.engine.Observer;
import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.Outcome.Avoidance;
import nl.burnoutprofiler.engine.Outcome.Conflict;
import nl.burnoutprofiler.engine.Outcome.Flag;
import nl.burnoutprofiler.engine.Outcome.Item;
import nl.burnoutprofiler.engine.Outcome.Presentation;
import nl.burnoutprofiler.engine.Outcome.Question;
import nl.burnoutprofiler.engine.Outcome.Recommendation;
import nl.burnoutprofiler.engine.Outcome.Safety;
import nl.burnoutprofiler.engine.Outcome.StageAssessment;
import nl.burnoutprofiler.engine.Outcome.Step;
import nl.burnoutprofiler.engine.Outcome.Summary;
import nl.burnoutprofiler.engine.Outcome.TraceEntry;
import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.RuleInfo;
import nl.burnoutprofiler.engine.SafetyStatus;
import nl.burnoutprofiler.engine.Stage;
import nl.burnoutprofiler.engine.catalogue.AvoidText;
import nl.burnoutprofiler.engine.catalogue.Catalogue;
import nl.burnoutprofiler.engine.catalogue.QuestionText;
import nl.burnoutprofiler.engine.catalogue.Text;
import nl.burnoutprofiler.engine.catalogue.RecommendationText;
import nl.burnoutprofiler.engine.facts.Ask;
import nl.burnoutprofiler.engine.facts.Avoid;
import nl.burnoutprofiler.engine.facts.ConfidenceLevel;
import nl.burnoutprofiler.engine.facts.Contender;
import nl.burnoutprofiler.engine.facts.PrimaryType;
import nl.burnoutprofiler.engine.facts.Recommend;
import nl.burnoutprofiler.engine.facts.SafetyFlag;
import nl.burnoutprofiler.engine.facts.SecondaryType;
import nl.burnoutprofiler.engine.facts.Sequence;
import nl.burnoutprofiler.engine.facts.StageChoice;
import nl.burnoutprofiler.engine.facts.StageConflict;
import nl.burnoutprofiler.engine.facts.StageScore;
import nl.burnoutprofiler.engine.facts.TypeScore;
import nl.burnoutprofiler.engine.internal.ExplanationRecorder.Conclusion;

/**
 * Reads the conclusions of one evaluation into an {@link Outcome}. It decides nothing the rules could decide; it
 * merges votes, keeps the orders the rules asked for, adds the catalogue's texts and fixes a deterministic order.
 */
final class OutcomeAssembler {

    /** How many next questions a coach gets at once: a few good ones, not a questionnaire. */
    static final int MAX_QUESTIONS = 5;

    private final Catalogue catalogue;
    private final String version;
    private final Map<String, RuleInfo> rulesById = new HashMap<>();
    /** Per recommendation, avoid entry and question, its sources as a coach reads them: prepared once. */
    private final Map<String, List<String>> recommendationSources = new HashMap<>();
    private final Map<String, List<String>> avoidSources = new HashMap<>();
    private final Map<String, List<String>> questionSources = new HashMap<>();

    OutcomeAssembler(Catalogue catalogue, String version, Map<String, RuleInfo> rulesByName) {
        this.catalogue = catalogue;
        this.version = version;
        rulesByName.values().forEach(rule -> rulesById.putIfAbsent(rule.id(), rule));
        catalogue.recommendations().forEach(text -> recommendationSources.put(text.id(), readable(text.sources())));
        catalogue.avoids().forEach(text -> avoidSources.put(text.id(), readable(text.sources())));
        catalogue.questions().forEach(text -> questionSources.put(text.id(), readable(text.sources())));
    }

    private List<String> readable(List<String> sources) {
        return List.copyOf(catalogue.bibliography().readable(nonNull(sources)));
    }

    Outcome assemble(Intake intake, List<Conclusion> conclusions, List<TraceEntry> trace) {
        Safety safety = safety(conclusions);
        Map<String, String> decidingRules = new LinkedHashMap<>();
        List<Recommendation> recommendations = recommendations(conclusions, safety, decidingRules);
        List<Question> questions = questions(conclusions);
        Presentation presentation = presentation(intake, conclusions);
        List<Avoidance> avoid = avoid(conclusions);
        Summary summary = summary(conclusions, presentation, recommendations, decidingRules, avoid, questions);
        return new Outcome(intake.caseId(), version, summary, safety, presentation, stage(conclusions),
                recommendations, avoid, questionTexts(questions), questions,
                List.copyOf(trace));
    }

    /**
     * The plan on top. The first step's reason is the title of the rule that ordered it before a step of the
     * primary type when one did (a Sequence), else of the rule whose vote gave it its place.
     */
    private Summary summary(List<Conclusion> conclusions, Presentation presentation,
                            List<Recommendation> recommendations, Map<String, String> decidingRules,
                            List<Avoidance> avoid, List<Question> questions) {
        Step firstStep = null;
        Text sayToClient = null;
        if (!recommendations.isEmpty()) {
            Recommendation first = recommendations.get(0);
            String reasonRule = decidingRules.get(first.id());
            for (Conclusion c : conclusions) {
                if (c.fact() instanceof Sequence s && s.first().equals(first.id())
                        && servesPrimary(s.then(), recommendations, presentation.primary())) {
                    reasonRule = c.ruleId();
                    break;
                }
            }
            RuleInfo rule = ruleById(reasonRule);
            firstStep = new Step(first.id(), first.title(), first.titleEn(), rule == null ? null : rule.title(),
                    rule == null ? null : rule.titleEn(), reasonRule);
            sayToClient = first.exampleQuestions().isEmpty() ? null : first.exampleQuestions().get(0);
        }
        List<Item> avoidNow = new ArrayList<>(Summary.MAX_AVOID);
        for (int i = 0; i < Math.min(Summary.MAX_AVOID, avoid.size()); i++) {
            avoidNow.add(new Item(avoid.get(i).id(), avoid.get(i).title(), avoid.get(i).titleEn()));
        }
        List<Item> askNext = new ArrayList<>(Summary.MAX_ASK);
        for (int i = 0; i < Math.min(Summary.MAX_ASK, questions.size()); i++) {
            askNext.add(new Item(questions.get(i).id(), questions.get(i).question(), questions.get(i).questionEn()));
        }
        return new Summary(firstStep, List.copyOf(avoidNow), List.copyOf(askNext), sayToClient);
    }

    private static List<String> questionTexts(List<Question> questions) {
        List<String> texts = new ArrayList<>(questions.size());
        for (Question question : questions) {
            texts.add(question.question());
        }
        return List.copyOf(texts);
    }

    private static boolean servesPrimary(String id, List<Recommendation> recommendations, PresentationType primary) {
        if (primary == PresentationType.UNDETERMINED) {
            return false;
        }
        for (Recommendation r : recommendations) {
            if (r.id().equals(id) && r.forType() == primary) {
                return true;
            }
        }
        return false;
    }

    private RuleInfo ruleById(String id) {
        return id == null ? null : rulesById.get(id);
    }

    private static Safety safety(List<Conclusion> conclusions) {
        Map<String, SafetyFlag> flags = new LinkedHashMap<>();
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        SafetyStatus status = SafetyStatus.CLEAR;
        for (Conclusion c : conclusions) {
            if (c.fact() instanceof SafetyFlag flag) {
                flags.merge(flag.code(), flag, (a, b) -> b.status().compareTo(a.status()) > 0 ? b : a);
                rules.computeIfAbsent(flag.code(), k -> new TreeSet<>()).add(c.ruleId());
                status = status.mostUrgent(flag.status());
            }
        }
        List<Flag> list = flags.values().stream()
                .sorted(Comparator.comparing(SafetyFlag::status).reversed().thenComparing(SafetyFlag::code))
                .map(f -> new Flag(f.code(), f.status(), f.referral(), List.copyOf(rules.get(f.code()))))
                .toList();
        return new Safety(status, list);
    }

    /** Who reported each evidence code that a colleague or manager, not someone at first hand, observed. */
    private static Map<String, Observer> reportedBy(Intake intake, Map<PresentationType, List<String>> evidence,
                                                    Map<PresentationType, List<String>> against) {
        Set<String> codes = new HashSet<>();
        evidence.values().forEach(codes::addAll);
        against.values().forEach(codes::addAll);
        Map<String, Observer> reported = new TreeMap<>();
        for (Observation o : intake.observations()) {
            if (o.reportedByOthers() && codes.contains(o.code())) {
                reported.put(o.code(), o.observer());
            }
        }
        return reported;
    }

    private static Presentation presentation(Intake intake, List<Conclusion> conclusions) {
        Map<PresentationType, TypeScore> scores = new EnumMap<>(PresentationType.class);
        PresentationType primary = PresentationType.UNDETERMINED;
        Set<PresentationType> secondary = new TreeSet<>();
        Set<PresentationType> contenders = new TreeSet<>();
        Confidence confidence = null;
        for (Conclusion c : conclusions) {
            Object fact = c.fact();
            if (fact instanceof TypeScore score) {
                scores.put(score.type(), score);
            } else if (fact instanceof PrimaryType p) {
                primary = p.type();
            } else if (fact instanceof SecondaryType s) {
                secondary.add(s.type());
            } else if (fact instanceof Contender contender) {
                contenders.add(contender.type());
            } else if (fact instanceof ConfidenceLevel level) {
                confidence = confidence == null || level.level().compareTo(confidence) < 0 ? level.level() : confidence;
            }
        }
        boolean named = primary != PresentationType.UNDETERMINED;
        if (confidence == null) {
            confidence = named ? Confidence.MEDIUM : Confidence.LOW;
        }
        // When no type can be named, the candidates still deserve a name: they steer the next questions.
        Set<PresentationType> others = named ? secondary : contenders;
        Comparator<PresentationType> byScore = Comparator.comparingDouble(
                (PresentationType t) -> scores.containsKey(t) ? scores.get(t).score() : 0.0).reversed()
                .thenComparing(Comparator.naturalOrder());
        Map<PresentationType, Double> scoreMap = new EnumMap<>(PresentationType.class);
        Map<PresentationType, List<String>> evidence = new EnumMap<>(PresentationType.class);
        Map<PresentationType, List<String>> against = new EnumMap<>(PresentationType.class);
        for (PresentationType type : PresentationType.TYPES) {
            TypeScore score = scores.get(type);
            scoreMap.put(type, score == null ? 0.0 : score.score());
            if (score != null && !score.supporting().isEmpty()) {
                evidence.put(type, score.supporting());
            }
            if (score != null && !score.against().isEmpty()) {
                against.put(type, score.against());
            }
        }
        return new Presentation(primary, others.stream().sorted(byScore).toList(), scoreMap, confidence, evidence,
                against, reportedBy(intake, evidence, against));
    }

    private static final Comparator<Conflict> CONFLICT_ORDER = Comparator
            .comparing((Conflict conflict) -> String.join(",", conflict.rules()))
            .thenComparing(conflict -> String.join(",", conflict.codes()));

    private static StageAssessment stage(List<Conclusion> conclusions) {
        Stage stage = Stage.UNDETERMINED;
        Map<Stage, StageScore> scores = new EnumMap<>(Stage.class);
        Map<StageConflict, Set<String>> conflicts = new LinkedHashMap<>();
        for (Conclusion c : conclusions) {
            if (c.fact() instanceof StageChoice choice) {
                stage = choice.stage();
            } else if (c.fact() instanceof StageScore score) {
                scores.put(score.stage(), score);
            } else if (c.fact() instanceof StageConflict conflict) {
                conflicts.computeIfAbsent(conflict, k -> new TreeSet<>()).add(c.ruleId());
            }
        }
        List<String> evidence = scores.containsKey(stage) ? scores.get(stage).codes() : List.of();
        Map<Stage, Double> scoreMap = new EnumMap<>(Stage.class);
        for (Stage s : Stage.STAGES) {
            scoreMap.put(s, scores.containsKey(s) ? scores.get(s).score() : 0.0);
        }
        List<Conflict> conflictList = new ArrayList<>();
        conflicts.forEach((conflict, rules) ->
                conflictList.add(new Conflict(conflict.nl(), conflict.en(), conflict.codes(), List.copyOf(rules))));
        // By rule and codes, not by firing order: rules of one group may fire in another order when the rule base is
        // compiled at load than when it was precompiled, and the outcome must not depend on that.
        conflictList.sort(CONFLICT_ORDER);
        return new StageAssessment(stage, evidence, scoreMap, conflictList);
    }

    private static final class Vote {
        int priority;
        PresentationType forType;
        /** The rule whose vote set the priority. */
        String decidingRule;
        final Set<String> rules = new TreeSet<>();

        Vote(Recommend first, String rule) {
            priority = first.priority();
            forType = first.forType();
            decidingRule = rule;
        }
    }

    /** The recommendations in order; {@code decidingRules} receives, per id, the rule whose vote set its place. */
    private List<Recommendation> recommendations(List<Conclusion> conclusions, Safety safety,
                                                 Map<String, String> decidingRules) {
        Map<String, Vote> votes = new LinkedHashMap<>();
        List<Sequence> sequences = new ArrayList<>();
        for (Conclusion c : conclusions) {
            if (c.fact() instanceof Recommend r) {
                Vote vote = votes.computeIfAbsent(r.id(), id -> new Vote(r, c.ruleId()));
                if (r.priority() < vote.priority) {
                    vote.priority = r.priority();
                    vote.forType = r.forType();
                    vote.decidingRule = c.ruleId();
                }
                vote.rules.add(c.ruleId());
            } else if (c.fact() instanceof Sequence s) {
                sequences.add(s);
                Vote first = votes.get(s.first());
                if (first != null) {
                    first.rules.add(c.ruleId());
                }
            }
        }
        applySequences(votes, sequences);
        Set<String> referrals = new TreeSet<>();
        safety.flags().forEach(f -> referrals.add(f.referral()));
        boolean waiting = safety.status() != SafetyStatus.CLEAR;
        List<Map.Entry<String, Vote>> ordered = new ArrayList<>(votes.entrySet());
        ordered.sort(Comparator.comparingInt((Map.Entry<String, Vote> e) -> e.getValue().priority)
                .thenComparing(Map.Entry::getKey));
        List<Recommendation> result = new ArrayList<>(ordered.size());
        for (Map.Entry<String, Vote> entry : ordered) {
            RecommendationText text = catalogue.recommendation(entry.getKey()).orElseThrow();
            Vote vote = entry.getValue();
            decidingRules.put(text.id(), vote.decidingRule);
            result.add(new Recommendation(text.id(), result.size() + 1, vote.forType, text.nl(), text.en(),
                    text.rationaleNl(), text.rationaleEn(), nonNull(text.techniques()),
                    nonNull(text.exampleQuestions()), recommendationSources.get(text.id()), List.copyOf(vote.rules),
                    waiting && !referrals.contains(text.id())));
        }
        return result;
    }

    /** Moves each "then" behind its "first"; a handful of passes settles any chain the rules can state. */
    private static void applySequences(Map<String, Vote> votes, List<Sequence> sequences) {
        for (int pass = 0; pass <= sequences.size(); pass++) {
            boolean moved = false;
            for (Sequence s : sequences) {
                Vote first = votes.get(s.first());
                Vote then = votes.get(s.then());
                if (first != null && then != null && then.priority <= first.priority) {
                    then.priority = first.priority + 1;
                    moved = true;
                }
            }
            if (!moved) {
                return;
            }
        }
    }

    /** What to avoid, most pressing first (lowest priority of any rule that named it), then by id. */
    private List<Avoidance> avoid(List<Conclusion> conclusions) {
        Map<String, Mention> mentions = new HashMap<>();
        for (Conclusion c : conclusions) {
            if (c.fact() instanceof Avoid a) {
                mentions.computeIfAbsent(a.id(), Mention::new).add(a.priority(), c.ruleId());
            }
        }
        List<Mention> ordered = Mention.ordered(mentions);
        List<Avoidance> avoid = new ArrayList<>(ordered.size());
        for (Mention mention : ordered) {
            AvoidText text = catalogue.avoid(mention.id).orElseThrow();
            avoid.add(new Avoidance(mention.id, text.nl(), text.en(), text.reasonNl(), text.reasonEn(),
                    avoidSources.get(mention.id), List.copyOf(mention.rules)));
        }
        return avoid;
    }

    private List<Question> questions(List<Conclusion> conclusions) {
        Map<String, Mention> mentions = new HashMap<>();
        for (Conclusion c : conclusions) {
            if (c.fact() instanceof Ask ask) {
                mentions.computeIfAbsent(ask.id(), Mention::new).add(ask.priority(), c.ruleId());
            }
        }
        List<Mention> ordered = Mention.ordered(mentions);
        List<Question> questions = new ArrayList<>(MAX_QUESTIONS);
        for (Mention mention : ordered.subList(0, Math.min(MAX_QUESTIONS, ordered.size()))) {
            QuestionText text = catalogue.question(mention.id).orElseThrow();
            questions.add(new Question(text.id(), text.nl(), text.en(), text.purposeNl(), text.purposeEn(),
                    questionSources.get(mention.id), List.copyOf(mention.rules), text.observations()));
        }
        return questions;
    }

    /** An avoid entry or a question as the rules named it: the most pressing priority any gave, and who named it. */
    private static final class Mention {
        private static final Comparator<Mention> MOST_PRESSING_FIRST =
                Comparator.comparingInt((Mention m) -> m.priority).thenComparing(m -> m.id);

        final String id;
        int priority = Integer.MAX_VALUE;
        final Set<String> rules = new TreeSet<>();

        Mention(String id) {
            this.id = id;
        }

        void add(int priority, String rule) {
            this.priority = Math.min(this.priority, priority);
            rules.add(rule);
        }

        static List<Mention> ordered(Map<String, Mention> mentions) {
            List<Mention> ordered = new ArrayList<>(mentions.values());
            ordered.sort(MOST_PRESSING_FIRST);
            return ordered;
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
