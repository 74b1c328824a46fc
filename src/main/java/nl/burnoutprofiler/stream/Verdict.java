package nl.burnoutprofiler.stream;

import java.util.List;

import nl.burnoutprofiler.engine.FieldProblem;

/** What became of one intake record: an outcome under its case id, or a refusal with its reasons. */
sealed interface Verdict {

    /**
     * @param caseId  the intake's case id, the key of the outcome record
     * @param outcome the outcome JSON, UTF-8
     */
    record Assessed(String caseId, byte[] outcome) implements Verdict {
    }

    /**
     * @param kind     why, in one word (see {@link Refusal})
     * @param problems each field and its reason
     */
    record Refused(Refusal kind, List<FieldProblem> problems) implements Verdict {
    }
}
