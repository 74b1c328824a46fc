package nl.burnoutprofiler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.batch.GeneratedIntakes;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.json.OutcomeJson;

/**
 * The organisation rules live beside the client's, in a rule base of their own: a client's outcome is the same,
 * trace included, whether the rule set has them or not. Only the rule-set version differs, as it names every file.
 */
class ClientOutcomeUnchangedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path rules;

    private String withoutVersion(Outcome outcome) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(OutcomeJson.writeCompact(outcome));
        json.remove("ruleSetVersion");
        return JSON.writeValueAsString(json);
    }

    @Test
    void clientOutcomesAreTheSameWithAndWithoutTheOrganisationRules() throws IOException {
        try (Stream<Path> files = Files.walk(TestEngine.RULES)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = rules.resolve(TestEngine.RULES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        OrganisationRuleLoadingTest.removeOrganisationRules(rules);
        // Both compiled at load, as the folder without organisation rules has no precompiled rule base.
        ProfilerEngine withoutOrganisation = ProfilerEngine.fromDirectory(rules);
        ProfilerEngine withOrganisation = TestEngine.compiledAtLoad();
        assertThat(withoutOrganisation.advisesTeams()).isFalse();
        assertThat(withoutOrganisation.rules()).isEqualTo(withOrganisation.rules());

        IntakeJson intakes = new IntakeJson(new IntakeValidator(withOrganisation.catalogue()),
                Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));
        GeneratedIntakes generated = new GeneratedIntakes(withOrganisation.catalogue(), 14);
        for (int n = 0; n < 300; n++) {
            Intake intake = intakes.read(generated.line(n));
            assertThat(withoutVersion(withOrganisation.assess(intake))).as(intake.caseId())
                    .isEqualTo(withoutVersion(withoutOrganisation.assess(intake)));
        }
    }
}
