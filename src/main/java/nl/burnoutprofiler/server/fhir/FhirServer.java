package nl.burnoutprofiler.server.fhir;

import java.util.function.Supplier;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;

import nl.burnoutprofiler.engine.ProfilerEngine;

/**
 * FHIR R4 for integrators, on HAPI FHIR's plain server: the intake Questionnaire and the code systems it uses to
 * read, the operations {@code $assess} and {@code $care-plan} on a QuestionnaireResponse, and the CapabilityStatement
 * HAPI generates from them. JSON or XML by content negotiation; every error is an OperationOutcome. Only the
 * CapabilityStatement is public: everything else needs a caller the web application's {@link SignIn} admits.
 */
public final class FhirServer extends RestfulServer {

    private static final long serialVersionUID = 1L;
    /** The program's version from the jar's manifest; null in a development build. */
    private static final String SOFTWARE_VERSION = FhirServer.class.getPackage().getImplementationVersion();

    /**
     * @param engine   the rule set in use now: definitions and assessments follow a reload at once
     * @param baseUrl  where clients reach this server, such as {@code https://coach.example.org/fhir}
     * @param signIn   who may call
     * @param assessed told of each intake assessed (the server's metrics count them)
     */
    public FhirServer(Supplier<ProfilerEngine> engine, Supplier<String> baseUrl, SignIn signIn, Runnable assessed) {
        super(strictContext());
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setDefaultPrettyPrint(false);
        // HAPI would unpack a gzip body after it was read, past the limit on body size
        setUncompressIncomingContents(false);
        setServerAddressStrategy(new IncomingRequestAddressStrategy() {
            @Override
            public String determineServerBase(ServletContext context, HttpServletRequest request) {
                return baseUrl.get();
            }
        });
        setServerName("burnout-profiler");
        setServerVersion(SOFTWARE_VERSION);
        setResourceProviders(new QuestionnaireProvider(engine), new CodeSystemProvider(engine),
                new QuestionnaireResponseProvider(engine, assessed));
        setServerConformanceProvider(new Capabilities(engine, SOFTWARE_VERSION));
        registerInterceptor(new CallerCheck(signIn));
        registerInterceptor(new BodyCheck());
        registerInterceptor(new ErrorOutcomes());
    }

    /**
     * A context of its own whose parsers refuse what they do not understand: HAPI's lenient default would write
     * unknown elements and invalid values, parts of an intake, to the log.
     */
    private static FhirContext strictContext() {
        FhirContext context = FhirContext.forR4();
        context.setParserErrorHandler(new StrictErrorHandler());
        return context;
    }
}
