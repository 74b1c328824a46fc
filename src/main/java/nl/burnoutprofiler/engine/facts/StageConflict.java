package nl.burnoutprofiler.engine.facts;

import java.util.List;

/**
 * Markers that do not fit one stage, reported to the coach rather than silently averaged away.
 *
 * @param codes the observation codes (or ruler names) that conflict
 * @param nl    what the coach should notice, in Dutch
 * @param en    the same in English
 */
public record StageConflict(List<String> codes, String nl, String en) {

    public StageConflict {
        codes = codes.stream().sorted().distinct().toList();
    }

    public static StageConflict of(String nl, String en, String... codes) {
        return new StageConflict(List.of(codes), nl, en);
    }

    @Override
    public String toString() {
        return "conflict between " + String.join(", ", codes);
    }
}
