package nl.burnoutprofiler.engine;

/**
 * One thing wrong with an intake.
 *
 * @param field  path of the field, e.g. {@code observations[2].intensity}
 * @param value  the offending value as text, or null when the field is missing
 * @param reason what is wrong, in plain words
 */
public record FieldProblem(String field, String value, String reason) {

    @Override
    public String toString() {
        return value == null ? field + ": " + reason : field + " = " + value + ": " + reason;
    }
}
