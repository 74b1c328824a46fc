package nl.burnoutprofiler.server.fhir;

import java.util.List;
import java.util.function.Supplier;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Questionnaire;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.fhir.IntakeQuestionnaire;

/** The intake form of the running rule set: read as {@code Questionnaire/intake}, or found by url and version. */
public final class QuestionnaireProvider implements IResourceProvider {

    private static final String ID = "intake";

    private final Supplier<ProfilerEngine> engine;

    QuestionnaireProvider(Supplier<ProfilerEngine> engine) {
        this.engine = engine;
    }

    @Override
    public Class<Questionnaire> getResourceType() {
        return Questionnaire.class;
    }

    @Read
    public Questionnaire read(@IdParam IdType id) {
        if (!ID.equals(id.getIdPart())) {
            throw new ResourceNotFoundException(id);
        }
        return intake();
    }

    /**
     * The intake form when it matches: {@code url} its canonical URL (with {@code |version} or without),
     * {@code version} the rule-set version. Without either, the one form there is.
     */
    @Search
    public List<Questionnaire> search(@OptionalParam(name = Questionnaire.SP_URL) UriParam url,
                                      @OptionalParam(name = Questionnaire.SP_VERSION) TokenParam version) {
        Questionnaire intake = intake();
        return Canonicals.matches(intake.getUrl(), intake.getVersion(), url, version) ? List.of(intake) : List.of();
    }

    private Questionnaire intake() {
        ProfilerEngine current = engine.get();
        return IntakeQuestionnaire.questionnaire(current.catalogue(), current.ruleSetVersion());
    }
}
