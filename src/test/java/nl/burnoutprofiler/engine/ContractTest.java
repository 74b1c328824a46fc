package nl.burnoutprofiler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.engine.catalogue.Catalogue;
import nl.burnoutprofiler.json.OutcomeJson;

/** The public contract (../shared/CONTRACT.md): its identifiers exist and the outcome JSON has its shape. */
class ContractTest {

    private static final Path CONTRACT = Path.of("../shared/CONTRACT.md");
    private final Catalogue catalogue = TestEngine.get().catalogue();

    /** The contract's identifiers between two headings; the contract is not in this repository, so a copy of them is. */
    private static Set<String> identifiers(String from, String to) throws IOException {
        String contract = Files.readString(CONTRACT);
        String section = contract.substring(contract.indexOf(from), contract.indexOf(to));
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = Pattern.compile("`([A-Z][A-Z_]+)`").matcher(section);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void everyContractObservationCodeIsInTheCatalogueWithLabelsExplanationGroupAndSource() throws IOException {
        Set<String> codes = Files.exists(CONTRACT) ? identifiers("## 3.", "## 4.") : Set.of("SLEEP_PROBLEMS");
        assertThat(codes).hasSizeGreaterThanOrEqualTo(Files.exists(CONTRACT) ? 70 : 1);
        for (String code : codes) {
            assertThat(catalogue.code(code)).as(code).hasValueSatisfying(entry -> {
                assertThat(entry.nl()).isNotBlank();
                assertThat(entry.en()).isNotBlank();
                assertThat(entry.explanationNl()).isNotBlank();
                assertThat(entry.group()).isNotBlank();
                assertThat(entry.source()).isNotBlank();
            });
        }
    }

    @Test
    void everyContractRecommendationAndAvoidIdHasItsTexts() throws IOException {
        if (!Files.exists(CONTRACT)) {
            return;
        }
        for (String id : identifiers("## 4.", "## 5.")) {
            assertThat(catalogue.recommendation(id).isPresent() || catalogue.avoid(id).isPresent())
                    .as(id + " has a text in advice.json").isTrue();
        }
    }

    @Test
    void theOutcomeJsonHasTheContractShape() throws IOException {
        Outcome outcome = TestEngine.get().assess(Intake.of("c-0042", List.of(
                Observation.present("SLEEP_PROBLEMS", 3), Observation.present("INSIGHTS_DO_NOT_STICK", 2),
                Observation.present("PROLONGED_RESERVE_RUNNING", 3), Observation.absent("SOCIAL_UNSAFETY"),
                Observation.present("AMBIVALENCE", 2)), new Rulers(7, 3, 5)));
        JsonNode json = new ObjectMapper().readTree(OutcomeJson.write(outcome));

        assertThat(json.get("caseId").asText()).isEqualTo("c-0042");
        assertThat(json.get("ruleSetVersion").asText()).isEqualTo(TestEngine.get().ruleSetVersion());
        assertThat(json.at("/safety/status").asText()).isIn("CLEAR", "REFER", "URGENT");
        assertThat(json.at("/safety/flags").isArray()).isTrue();
        assertThat(json.at("/presentation/primary").asText()).isEqualTo("PHYSIOLOGICAL");
        assertThat(json.at("/presentation/secondary").isArray()).isTrue();
        assertThat(json.at("/presentation/scores").fieldNames()).toIterable()
                .containsExactly("CONTEXTUAL", "RELATIONAL", "PHYSIOLOGICAL", "IDENTITY");
        assertThat(json.at("/presentation/confidence").asText()).isIn("LOW", "MEDIUM", "HIGH");
        assertThat(json.at("/presentation/evidence/PHYSIOLOGICAL").isArray()).isTrue();
        assertThat(json.at("/stage/stage").asText()).isEqualTo("CONTEMPLATION");
        assertThat(json.at("/stage/evidence").isArray()).isTrue();
        assertThat(json.at("/stage/conflicts").isArray()).isTrue();
        JsonNode first = json.at("/recommendations/0");
        assertThat(first.get("id").asText()).isEqualTo("REGULATION_BEFORE_INSIGHT");
        assertThat(first.get("priority").asInt()).isEqualTo(1);
        assertThat(first.get("forType").asText()).isEqualTo("PHYSIOLOGICAL");
        assertThat(first.get("rationale").asText()).isNotBlank();
        assertThat(first.get("sources").isArray()).isTrue();
        assertThat(first.get("rules").get(0).asText()).isNotBlank();
        JsonNode avoid = json.at("/avoid/0");
        assertThat(avoid.get("id").asText()).isNotBlank();
        assertThat(avoid.get("reason").asText()).isNotBlank();
        assertThat(avoid.get("rules").isArray()).isTrue();
        assertThat(json.get("nextQuestions").isArray()).isTrue();
        assertThat(json.at("/trace/0/rule").asText()).isNotBlank();
        assertThat(json.at("/trace/0/facts").isArray()).isTrue();
    }
}
