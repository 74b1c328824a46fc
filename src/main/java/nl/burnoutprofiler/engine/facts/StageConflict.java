package nl.burnoutprofiler.engine.facts;

import java.util.ArrayList;
import java.util.Collection;
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
        codes = Codes.sortedOnce(codes);
    }

    public static StageConflict of(String nl, String en, String... codes) {
        return new StageConflict(List.of(codes), nl, en);
    }

    /** A conflict between the codes an accumulate collected and the ones named. */
    public static StageConflict of(String nl, String en, Collection<String> collected, String... codes) {
        List<String> all = new ArrayList<>(collected);
        all.addAll(List.of(codes));
        return new StageConflict(all, nl, en);
    }

    @Override
    public String toString() {
        return "conflict between " + String.join(", ", codes);
    }
}
