package nl.burnoutprofiler.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationDefinition.OperationDefinitionParameterComponent;
import org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.fhir.ServerCapabilities.Operation;

/**
 * The CapabilityStatement, once completed, and the OperationDefinitions are valid for the HAPI FHIR validator and say
 * what the endpoint does: read the definitions, and post a QuestionnaireResponse to get a GuidanceResponse or a
 * CarePlan.
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

    /** The skeleton the FHIR server generates from its providers, as far as this class completes it. */
    private static CapabilityStatement generated() {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(PublicationStatus.ACTIVE).setDate(STARTED).setKind(CapabilityStatementKind.INSTANCE)
                .setFhirVersion(FHIRVersion._4_0_1).addFormat("application/fhir+json");
        statement.getImplementation().setUrl("https://coach.example.org/fhir");
        var rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.addResource().setType("Questionnaire").addInteraction().setCode(TypeRestfulInteraction.READ);
        rest.addResource().setType("CodeSystem").addInteraction().setCode(TypeRestfulInteraction.READ);
        var responses = rest.addResource().setType("QuestionnaireResponse");
        responses.addOperation().setName("assess").setDefinition("https://coach.example.org/fhir/OperationDefinition/x");
        responses.addOperation().setName("care-plan").setDefinition("https://coach.example.org/fhir/OperationDefinition/y");
        return statement;
    }

    @Test
    void theCompletedCapabilityStatementIsValidAndPointsToOurDefinitions() {
        CapabilityStatement statement = ServerCapabilities.describe(generated(), version, "1.2.0");

        assertThat(validation.errors(statement)).isEmpty();
        assertThat(statement.getVersion()).isEqualTo(version);
        assertThat(statement.getSoftware().getVersion()).isEqualTo("1.2.0");
        assertThat(statement.getImplementation().getUrl()).isEqualTo("https://coach.example.org/fhir");
        assertThat(statement.getDate()).isEqualTo(STARTED);
        assertThat(statement.getRestFirstRep().getResource()).allSatisfy(resource ->
                assertThat(resource.getDocumentation()).isNotBlank());
        assertThat(statement.getRestFirstRep().getResource().get(2).getOperation())
                .extracting(o -> o.getDefinition())
                .containsExactly(Operation.ASSESS.definitionUrl(), Operation.CARE_PLAN.definitionUrl());
    }

    @Test
    void aDevelopmentBuildWithoutAVersionIsStillValid() {
        assertThat(validation.errors(ServerCapabilities.describe(generated(), version, null))).isEmpty();
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
