package nl.burnoutprofiler.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Intake JSON for requests, written the way a coach fills in the form.
 *
 * <pre>{@code
 * TestIntake.forCase("c-1").on("2026-11-06").observed("SLEEP_PROBLEMS", 3).checkedAbsent("SOCIAL_UNSAFETY").json()
 * }</pre>
 */
final class TestIntake {

    /** The intake shipped in examples/: case c-0042, 2026-11-20, physiological, contemplation. */
    static final Path EXAMPLE = Path.of("examples", "intake.json");

    private final ObjectNode root = TestServer.JSON.createObjectNode();
    private final ArrayNode observations;

    private TestIntake(String caseId) {
        if (caseId != null) {
            root.put("caseId", caseId);
        }
        observations = root.putArray("observations");
    }

    static TestIntake forCase(String caseId) {
        return new TestIntake(caseId);
    }

    /** For POST /api/v1/cases/{caseId}/intakes, which takes the case id from the path. */
    static TestIntake withoutCaseId() {
        return new TestIntake(null);
    }

    static String example() {
        try {
            return Files.readString(EXAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestIntake on(String date) {
        root.put("date", date);
        return this;
    }

    TestIntake observed(String code, int intensity) {
        observations.addObject().put("code", code).put("intensity", intensity);
        return this;
    }

    TestIntake observed(String code, int intensity, String note) {
        observations.addObject().put("code", code).put("intensity", intensity).put("note", note);
        return this;
    }

    /** The coach checked, and it is not there. */
    TestIntake checkedAbsent(String code) {
        observations.addObject().put("code", code).put("present", false);
        return this;
    }

    TestIntake rulers(int importance, int confidence, int readiness) {
        root.putObject("rulers").put("importance", importance).put("confidence", confidence)
                .put("readiness", readiness);
        return this;
    }

    TestIntake notes(String notes) {
        root.put("notes", notes);
        return this;
    }

    String json() {
        return root.toString();
    }

    @Override
    public String toString() {
        return json();
    }
}
