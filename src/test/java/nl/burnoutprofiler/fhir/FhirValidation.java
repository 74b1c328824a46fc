package nl.burnoutprofiler.fhir;

import java.util.List;
import java.util.function.Predicate;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.engine.ProfilerEngine;

/**
 * The HAPI FHIR instance validator with the core R4 definitions and terminology, and our own Questionnaire and
 * code systems, so QuestionnaireResponse answers are held against the form and codes against their systems.
 * Starting it takes seconds: one per JVM, shared by every test that validates.
 */
public final class FhirValidation {

    private static FhirValidation instance;

    private final FhirValidator validator;

    private FhirValidation(ProfilerEngine engine) {
        FhirContext context = Fhir.context();
        String version = engine.ruleSetVersion();
        Questionnaire questionnaire = IntakeQuestionnaire.questionnaire(engine.catalogue(), version);
        PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(context) {
            @Override
            public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
                if (type != null && type.isInstance(questionnaire) && url != null
                        && url.split("\\|")[0].equals(IntakeQuestionnaire.QUESTIONNAIRE_URL)) {
                    return type.cast(questionnaire);
                }
                return super.fetchResource(type, url);
            }
        };
        ours.addCodeSystem(IntakeQuestionnaire.codeSystem(engine.catalogue(), version));
        ours.addCodeSystem(IntakeQuestionnaire.answerCodeSystem(version));
        ours.addCodeSystem(OutcomeResources.adviceCodeSystem(engine.catalogue(), version));
        IValidationSupport chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context), ours);
        validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    /** The validator for the packaged rule set's catalogue. */
    public static synchronized FhirValidation get() {
        if (instance == null) {
            instance = new FhirValidation(TestEngine.get());
        }
        return instance;
    }

    public List<SingleValidationMessage> messages(IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages();
    }

    /** Errors and fatal errors. */
    public List<String> errors(IBaseResource resource) {
        return describe(messages(resource), m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal());
    }

    public List<String> warnings(IBaseResource resource) {
        return describe(messages(resource), m -> m.getSeverity() == ResultSeverityEnum.WARNING);
    }

    private static List<String> describe(List<SingleValidationMessage> messages,
                                         Predicate<SingleValidationMessage> which) {
        return messages.stream().filter(which)
                .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage()).toList();
    }
}
