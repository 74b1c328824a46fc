package nl.burnoutprofiler.engine.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The data that sits next to the rules: observation codes with their labels, and the texts of every
 * recommendation, avoid entry and question. Immutable.
 */
public final class Catalogue {

    private final List<CodeGroup> groups;
    private final Map<String, ObservationCode> codes;
    private final Map<String, RecommendationText> recommendations;
    private final Map<String, AvoidText> avoids;
    private final Map<String, QuestionText> questions;
    private final Bibliography bibliography;

    public Catalogue(List<CodeGroup> groups, List<ObservationCode> codes, List<RecommendationText> recommendations,
                     List<AvoidText> avoids, List<QuestionText> questions, Bibliography bibliography) {
        this.groups = List.copyOf(groups);
        this.codes = index(codes, ObservationCode::code);
        this.recommendations = index(recommendations, RecommendationText::id);
        this.avoids = index(avoids, AvoidText::id);
        this.questions = index(questions, QuestionText::id);
        this.bibliography = bibliography;
    }

    /** The works the sources cite, for showing them to a coach. */
    public Bibliography bibliography() {
        return bibliography;
    }

    private static <T> Map<String, T> index(List<T> entries, Function<T, String> key) {
        return entries.stream().collect(Collectors.toMap(key, e -> e, (a, b) -> a, LinkedHashMap::new));
    }

    public List<CodeGroup> groups() {
        return groups;
    }

    /** All observation codes in catalogue order (grouped as the form shows them). */
    public List<ObservationCode> codes() {
        return List.copyOf(codes.values());
    }

    public Optional<ObservationCode> code(String code) {
        return Optional.ofNullable(codes.get(code));
    }

    public boolean hasCode(String code) {
        return codes.containsKey(code);
    }

    public Set<String> codeIds() {
        return codes.keySet();
    }

    public List<RecommendationText> recommendations() {
        return List.copyOf(recommendations.values());
    }

    public Optional<RecommendationText> recommendation(String id) {
        return Optional.ofNullable(recommendations.get(id));
    }

    public List<AvoidText> avoids() {
        return List.copyOf(avoids.values());
    }

    public Optional<AvoidText> avoid(String id) {
        return Optional.ofNullable(avoids.get(id));
    }

    public List<QuestionText> questions() {
        return List.copyOf(questions.values());
    }

    public Optional<QuestionText> question(String id) {
        return Optional.ofNullable(questions.get(id));
    }

    /** Whether a quoted identifier in a rule file names something this catalogue knows. */
    public boolean knowsIdentifier(String identifier) {
        return codes.containsKey(identifier) || recommendations.containsKey(identifier)
                || avoids.containsKey(identifier) || questions.containsKey(identifier);
    }
}
