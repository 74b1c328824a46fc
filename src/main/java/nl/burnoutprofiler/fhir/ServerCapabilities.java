package nl.burnoutprofiler.fhir;

import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceOperationComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.Enumerations.FHIRAllTypes;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationDefinition.OperationKind;
import org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse;

/**
 * What the FHIR endpoint offers, for clients that ask before they call ({@code GET /fhir/metadata}): the server
 * generates the CapabilityStatement from its providers and this class says who we are in it; the two operations on a
 * QuestionnaireResponse are each described by an OperationDefinition kept here, in Dutch and English.
 */
public final class ServerCapabilities {

    /** One operation on a QuestionnaireResponse: its code, what it returns, and its Dutch and English text. */
    public enum Operation {
        ASSESS("assess", "Assess", FHIRAllTypes.GUIDANCERESPONSE,
                "Beoordeel een ingevulde intake: veiligheid, beeld, veranderfase en advies als GuidanceResponse.",
                "Assess a completed intake: safety, presentation, stage of change and advice as a GuidanceResponse."),
        CARE_PLAN("care-plan", "CarePlan", FHIRAllTypes.CAREPLAN,
                "Beoordeel een ingevulde intake en geef de aanbevelingen op volgorde als CarePlan.",
                "Assess a completed intake and give the recommendations in order as a CarePlan.");

        private final String code;
        private final String name;
        private final FHIRAllTypes returns;
        private final String nl;
        private final String en;

        Operation(String code, String name, FHIRAllTypes returns, String nl, String en) {
            this.code = code;
            this.name = name;
            this.returns = returns;
            this.nl = nl;
            this.en = en;
        }

        /** The logical id of its OperationDefinition, which is also the last part of the path it is served at. */
        public String definitionId() {
            return "QuestionnaireResponse-" + code;
        }

        public String definitionUrl() {
            return Fhir.BASE_URL + "/OperationDefinition/" + definitionId();
        }
    }

    /** What each resource type of the server is for, in Dutch and English. */
    private static final Map<String, String> RESOURCE_DOCUMENTATION = Map.of(
            "Questionnaire", "Het intakeformulier van de draaiende regelset: Questionnaire/intake, ook te zoeken op "
                    + "url en versie. / The intake form of the running rule set, also found by url and version.",
            "CodeSystem", "De codes van het formulier en het advies: observation-codes, intake-answers, advice. / "
                    + "The codes of the form and of the advice.",
            "QuestionnaireResponse", "Een ingevulde intake (QuestionnaireResponse op "
                    + IntakeQuestionnaire.QUESTIONNAIRE_URL + ") beoordelen; er wordt niets opgeslagen. / Assess a "
                    + "completed intake; nothing is stored.",
            "OperationDefinition", "De definities van $assess en $care-plan. / The definitions of $assess and "
                    + "$care-plan.");

    private ServerCapabilities() {
    }

    /**
     * Completes the CapabilityStatement that the FHIR server generated from its providers (resources, interactions,
     * search parameters, operations) with what only we know: who we are, in Dutch and English, the rule-set
     * version, how to sign in, and what each resource type is for.
     *
     * @param softwareVersion the program's version, or null when unknown (a development build)
     */
    public static CapabilityStatement describe(CapabilityStatement statement, String ruleSetVersion,
                                               String softwareVersion) {
        statement.setId("burnout-profiler");
        statement.setLanguage(Fhir.LANGUAGE);
        statement.setUrl(Fhir.BASE_URL + "/CapabilityStatement/burnout-profiler");
        statement.setVersion(ruleSetVersion);
        statement.setName("BurnoutProfiler");
        statement.setTitleElement(Fhir.dutch("Burnout-profiler FHIR-koppeling", "Burnout-profiler FHIR interface"));
        statement.setStatus(PublicationStatus.ACTIVE);
        statement.setExperimental(false);
        statement.setPublisher("burnout-profiler");
        statement.setDescriptionElement(Fhir.dutchMarkdown(
                "Beoordeelt burnout-intakes van coaches. Ondersteunt de professional; stelt nooit een diagnose.",
                "Assesses coaches' burnout intakes. Supports the professional; never diagnoses."));
        statement.setKind(CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("burnout-profiler").setVersion(softwareVersion);
        statement.getImplementation().setDescription("burnout-profiler " + ruleSetVersion);
        statement.setText(Fhir.narrative("Burnout-profiler FHIR (" + ruleSetVersion + ")", List.of(
                "Questionnaire/intake, Questionnaire?url=" + IntakeQuestionnaire.QUESTIONNAIRE_URL,
                "CodeSystem/observation-codes, CodeSystem/intake-answers, CodeSystem/advice",
                "QuestionnaireResponse/$assess, QuestionnaireResponse/$care-plan")));

        CapabilityStatementRestComponent rest = statement.getRestFirstRep().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity().setCors(false).setDescription("Een API-token (Authorization: Bearer) of een sessie van "
                + "de webapplicatie; elke rol. Alleen dit overzicht is openbaar. / An API token (Authorization: "
                + "Bearer) or a session of the web application; any role. Only this statement is public.");
        for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
            String documentation = RESOURCE_DOCUMENTATION.get(resource.getType());
            if (documentation != null) {
                resource.setDocumentation(documentation);
            }
            for (CapabilityStatementRestResourceOperationComponent declared : resource.getOperation()) {
                for (Operation operation : Operation.values()) {
                    if (operation.code.equals(declared.getName())) {
                        declared.setDefinition(operation.definitionUrl())
                                .setDocumentation(operation.nl + " / " + operation.en);
                    }
                }
            }
        }
        return statement;
    }

    /** The definition of one operation: its single input and output resources; the output is returned as the body. */
    public static OperationDefinition operationDefinition(Operation operation, String ruleSetVersion) {
        OperationDefinition definition = new OperationDefinition();
        definition.setId(operation.definitionId());
        definition.setLanguage(Fhir.LANGUAGE);
        definition.setUrl(operation.definitionUrl());
        definition.setVersion(ruleSetVersion);
        definition.setName(operation.name);
        definition.setTitleElement(Fhir.dutch("QuestionnaireResponse $" + operation.code,
                "QuestionnaireResponse $" + operation.code));
        definition.setStatus(PublicationStatus.ACTIVE);
        definition.setKind(OperationKind.OPERATION);
        definition.setPublisher("burnout-profiler");
        definition.setDescriptionElement(Fhir.dutchMarkdown(operation.nl, operation.en));
        definition.setAffectsState(false);
        definition.setCode(operation.code);
        definition.addResource("QuestionnaireResponse");
        definition.setSystem(false).setType(true).setInstance(false);
        definition.setText(Fhir.narrative("QuestionnaireResponse $" + operation.code, List.of(operation.nl)));
        definition.addParameter().setName("resource").setUse(OperationParameterUse.IN).setMin(1).setMax("1")
                .setType("QuestionnaireResponse")
                .setDocumentation("De ingevulde intake: als body, of als deze parameter in Parameters. / The completed "
                        + "intake: as the body, or as this parameter in Parameters.");
        definition.addParameter().setName("return").setUse(OperationParameterUse.OUT).setMin(1).setMax("1")
                .setType(operation.returns.toCode())
                .setDocumentation("Het resultaat, als body. / The result, as the body.");
        return definition;
    }
}
