package nl.burnoutprofiler.engine.catalogue;

import java.util.List;

/**
 * A question the coach can ask next, and what its answer tells; {@code observations} are the codes in which the
 * answer is recorded (none for a question whose answer goes elsewhere, such as the rulers).
 */
public record QuestionText(String id, String nl, String en, String purposeNl, String purposeEn,
                           List<String> sources, List<String> observations) {

    public QuestionText {
        observations = observations == null ? List.of() : List.copyOf(observations);
    }
}
