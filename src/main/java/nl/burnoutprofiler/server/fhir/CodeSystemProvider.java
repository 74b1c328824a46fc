package nl.burnoutprofiler.server.fhir;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.IdType;

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
import nl.burnoutprofiler.fhir.OutcomeResources;

/**
 * The code systems of the running rule set, each read by its id (the last part of its canonical URL) or found by
 * url and version: the observation codes, the answers of the intake form, and the advice.
 */
public final class CodeSystemProvider implements IResourceProvider {

    private static final Map<String, Function<ProfilerEngine, CodeSystem>> SYSTEMS = Map.of(
            "observation-codes", e -> IntakeQuestionnaire.codeSystem(e.catalogue(), e.ruleSetVersion()),
            "intake-answers", e -> IntakeQuestionnaire.answerCodeSystem(e.ruleSetVersion()),
            "advice", e -> OutcomeResources.adviceCodeSystem(e.catalogue(), e.ruleSetVersion()));

    private final Supplier<ProfilerEngine> engine;

    CodeSystemProvider(Supplier<ProfilerEngine> engine) {
        this.engine = engine;
    }

    @Override
    public Class<CodeSystem> getResourceType() {
        return CodeSystem.class;
    }

    @Read
    public CodeSystem read(@IdParam IdType id) {
        Function<ProfilerEngine, CodeSystem> system = SYSTEMS.get(id.getIdPart());
        if (system == null) {
            throw new ResourceNotFoundException(id);
        }
        return system.apply(engine.get());
    }

    @Search
    public List<CodeSystem> search(@OptionalParam(name = CodeSystem.SP_URL) UriParam url,
                                   @OptionalParam(name = CodeSystem.SP_VERSION) TokenParam version) {
        ProfilerEngine current = engine.get();
        return SYSTEMS.keySet().stream().sorted().map(id -> SYSTEMS.get(id).apply(current))
                .filter(system -> Canonicals.matches(system.getUrl(), system.getVersion(), url, version)).toList();
    }
}
