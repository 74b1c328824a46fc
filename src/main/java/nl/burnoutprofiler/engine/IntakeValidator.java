package nl.burnoutprofiler.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import nl.burnoutprofiler.engine.catalogue.Catalogue;

/** Checks an intake against the contract and the catalogue, collecting every problem. */
public final class IntakeValidator {

    /** A pseudonym: never a name with spaces, never longer than 64 characters. */
    public static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int MIN_INTENSITY = 1;
    public static final int MAX_INTENSITY = 3;
    public static final int MIN_RULER = 0;
    public static final int MAX_RULER = 10;
    /** Far more than the catalogue has codes; each code may be recorded once. */
    public static final int MAX_OBSERVATIONS = 200;
    public static final int MAX_NOTES_CHARS = 4_000;
    public static final int MAX_NOTE_CHARS = 1_000;
    /** Control characters other than tab, line feed and carriage return. */
    public static final String PREVIOUS_STAGE_RULE = "must be one of PRECONTEMPLATION, CONTEMPLATION, PREPARATION,"
            + " ACTION, MAINTENANCE, RELAPSE (leave it out when the previous stage was not determined)";

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private final Catalogue catalogue;

    public IntakeValidator(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Every problem of the intake; empty when it can be assessed. */
    public List<FieldProblem> problems(Intake intake) {
        List<FieldProblem> problems = new ArrayList<>();
        if (intake.caseId() == null || intake.caseId().isEmpty()) {
            problems.add(new FieldProblem("caseId", null, "is required"));
        } else if (!CASE_ID.matcher(intake.caseId()).matches()) {
            problems.add(new FieldProblem("caseId", intake.caseId(),
                    "must be 1-64 characters of A-Z a-z 0-9 . _ - (a pseudonym, never a name)"));
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        List<Observation> observations = intake.observations();
        if (observations.size() > MAX_OBSERVATIONS) {
            problems.add(tooManyObservations(observations.size()));
            observations = List.of();
        }
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            if (o == null) {
                problems.add(new FieldProblem(field(i), null, "must be an object with a code"));
                continue;
            }
            if (o.code() == null || o.code().isEmpty()) {
                problems.add(new FieldProblem(field(i) + ".code", null, "is required"));
            } else if (!catalogue.hasCode(o.code())) {
                problems.add(new FieldProblem(field(i) + ".code", o.code(), "is not a code of the catalogue"));
            } else {
                Integer earlier = firstIndex.putIfAbsent(o.code(), i);
                if (earlier != null) {
                    problems.add(new FieldProblem(field(i) + ".code", o.code(),
                            "duplicates " + field(earlier) + "; record each code once"));
                }
            }
            if (o.intensity() < MIN_INTENSITY || o.intensity() > MAX_INTENSITY) {
                problems.add(new FieldProblem(field(i) + ".intensity", String.valueOf(o.intensity()),
                        "must be 1 (slight), 2 (clear) or 3 (strong)"));
            }
            if (o.note() != null) {
                checkText(problems, field(i) + ".note", o.note(), MAX_NOTE_CHARS);
            }
        }
        Rulers rulers = intake.rulers();
        checkRuler(problems, "rulers.importance", rulers.importance());
        checkRuler(problems, "rulers.confidence", rulers.confidence());
        checkRuler(problems, "rulers.readiness", rulers.readiness());
        checkText(problems, "notes", intake.notes(), MAX_NOTES_CHARS);
        if (intake.previousStage() == Stage.UNDETERMINED) {
            problems.add(new FieldProblem("previousStage", Stage.UNDETERMINED.name(), PREVIOUS_STAGE_RULE));
        }
        return problems;
    }

    /** Throws {@link InvalidIntakeException} listing every problem, if there is any. */
    public void check(Intake intake) {
        List<FieldProblem> problems = problems(intake);
        if (!problems.isEmpty()) {
            throw new InvalidIntakeException(problems);
        }
    }

    /** The name of an observation's field, made only for a problem: most intakes have none. */
    private static String field(int index) {
        return "observations[" + index + "]";
    }

    public static FieldProblem tooManyObservations(int count) {
        return new FieldProblem("observations", null, "has " + count + " observations; at most "
                + MAX_OBSERVATIONS + " are accepted (each code of the catalogue once)");
    }

    private static void checkText(List<FieldProblem> problems, String field, String text, int maxChars) {
        if (text == null) {
            return;
        }
        int characters = text.codePointCount(0, text.length()); // as JSON Schema's maxLength counts
        if (characters > maxChars) {
            problems.add(new FieldProblem(field, null, "has " + characters + " characters; at most " + maxChars
                    + " are accepted"));
        } else if (CONTROL.matcher(text).find()) {
            problems.add(new FieldProblem(field, null,
                    "contains a control character; only tab, line feed and carriage return are accepted"));
        }
    }

    private static void checkRuler(List<FieldProblem> problems, String field, Integer value) {
        if (value != null && (value < MIN_RULER || value > MAX_RULER)) {
            problems.add(new FieldProblem(field, String.valueOf(value), "must be a whole number from 0 to 10"));
        }
    }
}
