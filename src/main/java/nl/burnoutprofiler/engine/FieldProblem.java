package nl.burnoutprofiler.engine;

/**
 * One thing wrong with an intake.
 *
 * @param field  path of the field, e.g. {@code observations[2].intensity}
 * @param value  the offending value as text, or null when the field is missing
 * @param reason what is wrong, in plain words
 */
public record FieldProblem(String field, String value, String reason) {

    /** Longer values and field names are cut: an error should not echo a megabyte back. */
    static final int MAX_SHOWN_CHARS = 200;

    public FieldProblem {
        field = shortened(field);
        value = shortened(value);
    }

    private static String shortened(String text) {
        if (text == null || text.length() <= MAX_SHOWN_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_SHOWN_CHARS - 1)) ? MAX_SHOWN_CHARS - 1 : MAX_SHOWN_CHARS;
        return text.substring(0, end) + "… (" + text.length() + " characters)";
    }

    @Override
    public String toString() {
        return value == null ? field + ": " + reason : field + " = " + value + ": " + reason;
    }
}
