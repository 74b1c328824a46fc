package nl.burnoutprofiler.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationDefinition.OperationDefinitionParameterComponent;
import org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.fhir.ServerCapabilities.Operation;

/**
 * The CapabilityStatement and the OperationDefinitions are valid for the HAPI FHIR validator and say what the
 * endpoint does: read the definitions, and post a QuestionnaireResponse to get a GuidanceResponse or a CarePlan.
 */
class ServerCapabilitiesTest {

    private static final Date STARTED = Date.from(Instant.parse("2026-11-30T08:00:00Z"));

    private static FhirValidation validation;
    private static String version;

    @BeforeAll
    static void load() {
        validation = FhirValidation.get();
        version = TestEngine.get().ruleSetVersion();
    }

    @Test
    void theCapabilityStatementIsValidAndDescribesThisInstance() {
        CapabilityStatement statement = ServerCapabilities.capabilityStatement(version,
                "https://coach.example.org/fhir", "1.2.0", STARTED);

        assertThat(validation.errors(statement)).isEmpty();
        assertThat(statement.getKind()).isEqualTo(CapabilityStatementKind.INSTANCE);
        assertThat(statement.getFhirVersion()).isEqualTo(FHIRVersion._4_0_1);
        assertThat(statement.getFormat()).extracting(f -> f.getValue()).containsExactly("application/fhir+json");
        assertThat(statement.getImplementation().getUrl()).isEqualTo("https://coach.example.org/fhir");
        assertThat(statement.getSoftware().getVersion()).isEqualTo("1.2.0");
        assertThat(statement.getDate()).isEqualTo(STARTED);
        assertThat(statement.getRestFirstRep().getResource().get(2).getOperation())
                .extracting(o -> o.getDefinition())
                .containsExactly(Operation.ASSESS.definitionUrl(), Operation.CARE_PLAN.definitionUrl());
    }

    @Test
    void aDevelopmentBuildWithoutAVersionIsStillValid() {
        assertThat(validation.errors(ServerCapabilities.capabilityStatement(version, "http://localhost:8080/fhir",
                null, STARTED))).isEmpty();
    }

    @Test
    void eachOperationTakesTheResponseAndReturnsOneResource() {
        for (Operation operation : Operation.values()) {
            OperationDefinition definition = ServerCapabilities.operationDefinition(operation, version);

            assertThat(validation.errors(definition)).as(operation.name()).isEmpty();
            assertThat(definition.getUrl()).isEqualTo(operation.definitionUrl());
            assertThat(definition.getResource()).extracting(r -> r.getValue()).containsExactly("QuestionnaireResponse");
            assertThat(definition.getType()).isTrue();
            assertThat(definition.getAffectsState()).isFalse();
            assertThat(definition.getParameter())
                    .extracting(OperationDefinitionParameterComponent::getName,
                            OperationDefinitionParameterComponent::getUse,
                            OperationDefinitionParameterComponent::getType)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("resource", OperationParameterUse.IN,
                                    "QuestionnaireResponse"),
                            org.assertj.core.groups.Tuple.tuple("return", OperationParameterUse.OUT,
                                    operation == Operation.ASSESS ? "GuidanceResponse" : "CarePlan"));
        }
    }
}
