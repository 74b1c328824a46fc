package nl.burnoutprofiler.engine.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.burnoutprofiler.engine.RuleProblem;
import nl.burnoutprofiler.engine.catalogue.AvoidText;
import nl.burnoutprofiler.engine.catalogue.Bibliography;
import nl.burnoutprofiler.engine.catalogue.Catalogue;
import nl.burnoutprofiler.engine.catalogue.CodeGroup;
import nl.burnoutprofiler.engine.catalogue.ObservationCode;
import nl.burnoutprofiler.engine.catalogue.QuestionText;
import nl.burnoutprofiler.engine.catalogue.RecommendationText;

/** Reads and checks the catalogue files that sit next to the rules. */
final class CatalogueReader {

    static final String OBSERVATIONS = "catalogue/observations.json";
    static final String ADVICE = "catalogue/advice.json";
    static final String SOURCES = "catalogue/sources.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record ObservationsFile(List<CodeGroup> groups, List<ObservationCode> codes) {
    }

    record AdviceFile(List<RecommendationText> recommendations, List<AvoidText> avoid, List<QuestionText> questions) {
    }

    record SourcesFile(List<Bibliography.Work> works) {
    }

    private final List<RuleProblem> problems = new ArrayList<>();

    /** The catalogue, or null with {@link #problems()} saying why. */
    Catalogue read(RuleSetFiles files) {
        ObservationsFile observations = parse(files, OBSERVATIONS, ObservationsFile.class);
        AdviceFile advice = parse(files, ADVICE, AdviceFile.class);
        SourcesFile sources = parse(files, SOURCES, SourcesFile.class);
        if (observations == null || advice == null || sources == null) {
            return null;
        }
        List<Bibliography.Work> works = nonNull(sources.works());
        checkUnique(SOURCES, "work", works, Bibliography.Work::key);
        works.forEach(w -> requireText(SOURCES, w.key(), w.citation()));
        Bibliography bibliography = new Bibliography(works);
        List<CodeGroup> groups = nonNull(observations.groups());
        List<ObservationCode> codes = nonNull(observations.codes());
        Set<String> groupIds = new HashSet<>();
        groups.forEach(g -> groupIds.add(g.id()));
        checkUnique(OBSERVATIONS, "group", groups, CodeGroup::id);
        checkUnique(OBSERVATIONS, "code", codes, ObservationCode::code);
        for (ObservationCode code : codes) {
            requireText(OBSERVATIONS, code.code(), code.nl(), code.en(), code.explanationNl(), code.explanationEn(),
                    code.source());
            if (!groupIds.contains(code.group())) {
                problems.add(new RuleProblem(OBSERVATIONS, 0, 0,
                        "code " + code.code() + " names group " + code.group() + ", which is not among the groups"));
            }
        }
        List<RecommendationText> recommendations = nonNull(advice.recommendations());
        List<AvoidText> avoids = nonNull(advice.avoid());
        List<QuestionText> questions = nonNull(advice.questions());
        checkUnique(ADVICE, "recommendation", recommendations, RecommendationText::id);
        checkUnique(ADVICE, "avoid entry", avoids, AvoidText::id);
        checkUnique(ADVICE, "question", questions, QuestionText::id);
        recommendations.forEach(r -> requireText(ADVICE, r.id(), r.nl(), r.en(), r.rationaleNl(), r.rationaleEn()));
        avoids.forEach(a -> requireText(ADVICE, a.id(), a.nl(), a.en(), a.reasonNl(), a.reasonEn()));
        questions.forEach(q -> requireText(ADVICE, q.id(), q.nl(), q.en(), q.purposeNl(), q.purposeEn()));
        // Every source an outcome shows must read as a work, never as a file number and a line range.
        recommendations.forEach(r -> requireWorks(bibliography, r.id(), r.sources()));
        avoids.forEach(a -> requireWorks(bibliography, a.id(), a.sources()));
        questions.forEach(q -> requireWorks(bibliography, q.id(), q.sources()));
        Set<String> codeIds = new HashSet<>();
        codes.forEach(c -> codeIds.add(c.code()));
        for (QuestionText question : questions) {
            question.observations().stream().filter(code -> !codeIds.contains(code)).forEach(code -> problems.add(
                    new RuleProblem(ADVICE, 0, 0, "question " + question.id() + " records its answer in " + code
                            + ", which is not an observation code")));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Catalogue(groups, codes, recommendations, avoids, questions, bibliography);
    }

    List<RuleProblem> problems() {
        return problems;
    }

    private <T> T parse(RuleSetFiles files, String name, Class<T> type) {
        return parse(files, name, type, problems);
    }

    /** A catalogue file read strictly, or null with the reason, file, line and column added to {@code problems}. */
    static <T> T parse(RuleSetFiles files, String name, Class<T> type, List<RuleProblem> problems) {
        String text = files.files().get(name);
        if (text == null) {
            problems.add(new RuleProblem(name, 0, 0, "file is missing from the rule set"));
            return null;
        }
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            problems.add(new RuleProblem(name, line, column, e.getOriginalMessage()));
            return null;
        }
    }

    private <T> void checkUnique(String file, String kind, List<T> entries, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (T entry : entries) {
            String key = id.apply(entry);
            if (key == null || key.isBlank()) {
                problems.add(new RuleProblem(file, 0, 0, "a " + kind + " has no id"));
            } else if (!seen.add(key)) {
                problems.add(new RuleProblem(file, 0, 0, kind + " " + key + " appears twice"));
            }
        }
    }

    private void requireWorks(Bibliography bibliography, String id, List<String> sources) {
        for (String source : nonNull(sources)) {
            if (bibliography.workOf(source).isEmpty()) {
                problems.add(new RuleProblem(ADVICE, 0, 0, "source \"" + source + "\" of " + id
                        + " cites no work of " + SOURCES + "; add the work there"));
            }
        }
    }

    private void requireText(String file, String id, String... texts) {
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                problems.add(new RuleProblem(file, 0, 0, id + " lacks a label, explanation or source text"));
                return;
            }
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
